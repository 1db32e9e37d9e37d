using System.Buffers;
using System.Runtime.CompilerServices;

namespace Cwf.Ir;

/// <summary>
/// Arrays as long as a workflow for one walk or one optimizer pass, lent by the shared pool
/// (<see cref="ArrayPool{T}.Shared"/>) instead of allocated: at 100,000 nodes each is a large object, and
/// one per pass and round spent the large object heap's budget, which sets off full collections. One
/// compile of the command line reuses the same arrays from pass to pass; the compiles that follow in
/// the same process (an editor's, a benchmark's) reuse them again. Lent zeroed, since the pool's arrays
/// may hold what an earlier user wrote; given back with the part used cleared, so that the pool keeps
/// no node alive.
/// </summary>
internal static class PooledArray
{
    /// <summary>An array of at least <paramref name="length"/> items whose first <paramref name="length"/> are zero.</summary>
    public static T[] Rent<T>(int length)
    {
        var array = ArrayPool<T>.Shared.Rent(length);
        Array.Clear(array, 0, length);
        return array;
    }

    /// <summary>Gives back an array from <see cref="Rent{T}"/> of which at most the first <paramref name="used"/> items were written.</summary>
    public static void Return<T>(T[] array, int used)
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) Array.Clear(array, 0, used);
        ArrayPool<T>.Shared.Return(array);
    }
}
