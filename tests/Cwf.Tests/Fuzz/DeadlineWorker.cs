namespace Cwf.Tests.Fuzz;

/// <summary>
/// Runs work on a thread of its own (with the command line's large stack) and waits for it only
/// until a deadline. A thread that misses its deadline cannot be stopped: it is abandoned (a
/// background thread, so it never keeps the process alive) and the next work gets a new thread.
/// </summary>
internal sealed class DeadlineWorker
{
    private const int StackBytes = 256 * 1024 * 1024;

    private Lane? _lane;

    /// <summary>Threads abandoned so far (each still running the input that missed its deadline).</summary>
    public int Abandoned { get; private set; }

    /// <summary>False when the deadline passed; otherwise the work's result, or the exception it threw.</summary>
    public bool TryRun<T>(Func<T> work, TimeSpan deadline, out T? result, out Exception? failure)
    {
        var lane = _lane ??= new Lane();
        lane.Work = () => work();
        lane.Start.Release();
        if (!lane.Done.Wait(deadline))
        {
            lane.Abandoned = true;
            _lane = null;
            Abandoned++;
            (result, failure) = (default, null);
            return false;
        }
        (result, failure) = (lane.Result is T value ? value : default, lane.Failure);
        return true;
    }

    // One thread and what it exchanges with the caller; an abandoned lane keeps its state to itself.
    private sealed class Lane
    {
        public readonly SemaphoreSlim Start = new(0);
        public readonly SemaphoreSlim Done = new(0);
        public Func<object?>? Work;
        public object? Result;
        public Exception? Failure;
        public volatile bool Abandoned;

        public Lane() => new Thread(Loop, StackBytes) { IsBackground = true, Name = "fuzz worker" }.Start();

        private void Loop()
        {
            while (!Abandoned)
            {
                Start.Wait();
                try
                {
                    (Result, Failure) = (Work!(), null);
                }
                catch (Exception e)
                {
                    (Result, Failure) = (null, e);
                }
                Done.Release();
            }
        }
    }
}
