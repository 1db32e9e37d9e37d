using System.Diagnostics.CodeAnalysis;

namespace Cwf.Collections;

/// <summary>
/// A dictionary without removal for tables as large as a program's names: its keys are spread by hash over 64 small
/// dictionaries of positions, and its values are kept in one <see cref="SegmentedList{T}"/> in the order first added.
/// A single dictionary of 50,000 names grows its entries by doubling to 1.5 MB, each copy a large object; here a part
/// stays under the large object heap's threshold up to about 200,000 keys. Enumerating <see cref="Values"/> gives them
/// in insertion order, as a dictionary without removals does.
/// </summary>
internal sealed class PartitionedDictionary<TKey, TValue>(IEqualityComparer<TKey> comparer) where TKey : notnull
{
    private const int PartBits = 6;
    private readonly Dictionary<TKey, int>?[] _parts = new Dictionary<TKey, int>?[1 << PartBits];
    private readonly SegmentedList<TValue> _values = [];

    public int Count => _values.Count;

    /// <summary>The values in the order their keys were first added (a value set again keeps its place).</summary>
    public IReadOnlyList<TValue> Values => _values;

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        if (Part(key) is { } part && part.TryGetValue(key, out int at))
        {
            value = _values[at];
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>Sets the value of <paramref name="key"/>, in its place when the key was added before, else at the end.</summary>
    public TValue this[TKey key]
    {
        set
        {
            ref var part = ref _parts[PartOf(key)];
            part ??= new Dictionary<TKey, int>(comparer);
            if (part.TryGetValue(key, out int at)) _values[at] = value;
            else
            {
                part.Add(key, _values.Count);
                _values.Add(value);
            }
        }
    }

    private Dictionary<TKey, int>? Part(TKey key) => _parts[PartOf(key)];

    // The hash's high bits choose the part; each part's dictionary uses the hash modulo its own size.
    private int PartOf(TKey key) => (int)((uint)comparer.GetHashCode(key) >> (32 - PartBits));
}
