using System.Collections;

namespace Cwf.Ir;

/// <summary>
/// A set of column names compared as warehouses compare them (ignoring case), in the order they
/// were added: the sets <see cref="RelNode.ColumnsRead"/> returns. Projection pruning makes one or
/// two per node every round, nearly all of a few names, so the names are kept in an array searched
/// in place (half the bytes of a hash set) until there are more than a few; then a hash index is added.
/// </summary>
public sealed class ColumnNameSet : IReadOnlySet<string>
{
    private const int SearchedInPlace = 8;
    private string[] _names;
    private int _count;
    private HashSet<string>? _index;

    /// <summary>An empty set with room for <paramref name="capacity"/> names before it grows.</summary>
    public ColumnNameSet(int capacity = 2) => _names = capacity <= 0 ? [] : new string[capacity];

    public ColumnNameSet(IEnumerable<string> names)
        : this(names.TryGetNonEnumeratedCount(out int count) ? count : 2) => UnionWith(names);

    public int Count => _count;

    /// <summary>Adds the name unless an equal one (ignoring case) is in the set; the first spelling stays.</summary>
    public bool Add(string name)
    {
        if (Contains(name)) return false;
        if (_count == _names.Length) Array.Resize(ref _names, Math.Max(2, _count * 2));
        _names[_count++] = name;
        if (_index is not null) _index.Add(name);
        else if (_count > SearchedInPlace) _index = new HashSet<string>(this, StringComparer.OrdinalIgnoreCase);
        return true;
    }

    public void UnionWith(IEnumerable<string> names)
    {
        // Another set's names are read in place: pruning unions the sets of a node's readers, and an enumerator each would be garbage.
        if (names is ColumnNameSet other)
        {
            for (int i = 0; i < other._count; i++) Add(other._names[i]);
            return;
        }
        foreach (var name in names) Add(name);
    }

    public bool Contains(string name)
    {
        if (_index is not null) return _index.Contains(name);
        for (int i = 0; i < _count; i++)
            if (string.Equals(_names[i], name, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    public IEnumerator<string> GetEnumerator()
    {
        for (int i = 0; i < _count; i++) yield return _names[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // The comparisons between sets: no compile path asks them, so they go through a hash set.
    public bool IsProperSubsetOf(IEnumerable<string> other) => AsHashSet().IsProperSubsetOf(other);
    public bool IsProperSupersetOf(IEnumerable<string> other) => AsHashSet().IsProperSupersetOf(other);
    public bool IsSubsetOf(IEnumerable<string> other) => AsHashSet().IsSubsetOf(other);
    public bool IsSupersetOf(IEnumerable<string> other) => AsHashSet().IsSupersetOf(other);
    public bool Overlaps(IEnumerable<string> other) => AsHashSet().Overlaps(other);
    public bool SetEquals(IEnumerable<string> other) => AsHashSet().SetEquals(other);

    private HashSet<string> AsHashSet() => _index ?? new HashSet<string>(this, StringComparer.OrdinalIgnoreCase);
}
