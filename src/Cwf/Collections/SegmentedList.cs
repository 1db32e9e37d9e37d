using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Cwf.Collections;

/// <summary>
/// An append-only list kept in segments that each stay under the large object heap's threshold (85,000 bytes), for
/// lists as long as the workflow (its nodes, a pipeline's steps, the diagnostics). A <see cref="List{T}"/> of 100,000
/// references doubles its array up to 1 MB, and each copy past 85,000 bytes is a large object: those count against the
/// budget whose end sets off a full collection of everything built so far. Here the first segment grows as a list's
/// array does, up to the segment length; every later one is allocated once at that length and never copied. Only
/// <see cref="ToArray"/> (or <see cref="CopyTo"/>) makes one array of the whole, of the exact size.
/// </summary>
internal sealed class SegmentedList<T> : ICollection<T>, IReadOnlyList<T>
{
    // Items per segment: the largest power of two whose array (with its header) stays under the threshold.
    private static readonly int Shift = SegmentShift();
    private static readonly int Mask = (1 << Shift) - 1;

    private T[][] _segments = [];
    private int _count;

    public int Count => _count;

    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(index));
            return _segments[index >> Shift][index & Mask];
        }
        set
        {
            if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(index));
            _segments[index >> Shift][index & Mask] = value;
        }
    }

    bool ICollection<T>.IsReadOnly => false;

    public void Add(T item)
    {
        int segment = _count >> Shift, at = _count & Mask;
        if (segment == _segments.Length) Array.Resize(ref _segments, Math.Max(4, segment * 2));
        var items = _segments[segment];
        if (items is null || at == items.Length)
        {
            // Only the first segment is ever full below the segment length: it grows by doubling, as a list's array does.
            if (segment == 0) Array.Resize(ref items, Math.Min(Math.Max(4, at * 2), 1 << Shift));
            else items = new T[1 << Shift];
            _segments[segment] = items;
        }
        items[at] = item;
        _count++;
    }

    /// <summary>Empties the list and keeps its segments for the items added next (a scratch list reused per statement).</summary>
    public void Clear()
    {
        for (int segment = 0; segment < _segments.Length && segment << Shift < _count; segment++)
        {
            // Let go of what the items referred to, so the collector does not keep it alive through the scratch list.
            if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
                Array.Clear(_segments[segment], 0, Math.Min(_segments[segment].Length, _count - (segment << Shift)));
        }
        _count = 0;
    }

    /// <summary>The items in one array of the exact size.</summary>
    public T[] ToArray()
    {
        if (_count == 0) return [];
        var array = new T[_count];
        CopyTo(array, 0);
        return array;
    }

    public ImmutableArray<T> ToImmutableArray() => ImmutableCollectionsMarshal.AsImmutableArray(ToArray());

    public void CopyTo(T[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (arrayIndex < 0 || array.Length - arrayIndex < _count) throw new ArgumentOutOfRangeException(nameof(arrayIndex));
        for (int copied = 0; copied < _count;)
        {
            var items = _segments[copied >> Shift];
            int length = Math.Min(items.Length, _count - copied);
            Array.Copy(items, 0, array, arrayIndex + copied, length);
            copied += length;
        }
    }

    public bool Contains(T item)
    {
        var comparer = EqualityComparer<T>.Default;
        foreach (var candidate in this)
            if (comparer.Equals(candidate, item)) return true;
        return false;
    }

    // Append-only, as every user needs it: removing an item would shift every segment after it.
    bool ICollection<T>.Remove(T item) => throw new NotSupportedException("A segmented list is append-only.");

    public Enumerator GetEnumerator() => new(this);
    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static int SegmentShift()
    {
        // 85,000 bytes is the runtime's default threshold; a few dozen bytes stay free for the array's header.
        int shift = 2;
        while ((long)Unsafe.SizeOf<T>() << (shift + 1) <= 85_000 - 64) shift++;
        return shift;
    }

    /// <summary>The items in order, without an allocation in a foreach.</summary>
    public struct Enumerator(SegmentedList<T> list) : IEnumerator<T>
    {
        private int _index = -1;

        public readonly T Current => list._segments[_index >> Shift][_index & Mask];
        readonly object? IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < list._count;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}
