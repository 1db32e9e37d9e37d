namespace Cwf.Syntax.Internal;

/// <summary>
/// Runs work that recurses once per nesting level of the input (the ANTLR parser and the parse
/// tree walk) on a thread with a large stack, so that input within the nesting limit never
/// overflows whatever thread the caller is on.
/// </summary>
internal static class DeepStack
{
    private const int StackBytes = 256 * 1024 * 1024;

    public static T Run<T>(Func<T> work)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, StackBytes);
        thread.Start();
        thread.Join();
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        return result;
    }
}
