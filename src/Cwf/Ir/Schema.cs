namespace Cwf.Ir;

/// <summary>
/// The ordered columns of a relation. Column names are unique ignoring case, because most
/// warehouses resolve column names case-insensitively; lookups ignore case and return the
/// column with its declared spelling. An open schema (custom SQL with no known result) accepts
/// any column name, typed Unknown.
/// </summary>
public sealed class Schema : IEquatable<Schema>
{
    // Built on first lookup: most schemas in a large workflow are never searched by name.
    private Dictionary<string, int>? _index;

    // Up to this many columns a lookup compares the names in order: building the index (a dictionary per
    // step of a workflow) would cost more than the few comparisons it saves.
    private const int SearchedInPlace = 8;

    public Schema(Seq<Column> columns, bool isOpen = false)
    {
        Columns = columns;
        IsOpen = isOpen;
    }

    public static Schema Empty { get; } = new([]);

    /// <summary>A schema nothing is known about: every column name resolves, typed Unknown.</summary>
    public static Schema Open { get; } = new([], isOpen: true);

    public Seq<Column> Columns { get; }
    public bool IsOpen { get; }
    public int Count => Columns.Count;
    public Column this[int index] => Columns[index];
    public IEnumerable<string> Names => Columns.Select(c => c.Name);

    /// <summary>Whether two declared names collide (same ignoring case).</summary>
    public bool HasDuplicateNames => Index.Count != Columns.Count;

    /// <summary>The position of the (first) column of that name, or -1.</summary>
    public int IndexOf(string name)
    {
        if (Columns.Count > SearchedInPlace) return Index.TryGetValue(name, out var i) ? i : -1;
        for (int i = 0; i < Columns.Count; i++)
            if (string.Equals(Columns[i].Name, name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>
    /// The (first) column of that name when finding it builds nothing (few columns, or the name index is
    /// there already), else null: a derived schema looks for a column to share this way, and would otherwise
    /// build an index for a schema nobody searches.
    /// </summary>
    internal Column? FindWithoutIndexing(string name) =>
        Columns.Count <= SearchedInPlace || _index is not null ? IndexOf(name) is >= 0 and var i ? Columns[i] : null : null;

    /// <summary>The column of that name; in an open schema an unknown name yields an Unknown-typed column.</summary>
    public Column? Find(string name) =>
        IndexOf(name) is >= 0 and var i ? Columns[i] : IsOpen ? new Column(name, SqlType.Unknown) : null;

    private Dictionary<string, int> Index
    {
        get
        {
            if (_index is not null) return _index;
            var index = new Dictionary<string, int>(Columns.Count, StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < Columns.Count; i++)
                index.TryAdd(Columns[i].Name, i);
            return _index = index;
        }
    }

    public bool Equals(Schema? other) => other is not null && IsOpen == other.IsOpen && Columns.Equals(other.Columns);
    public override bool Equals(object? obj) => Equals(obj as Schema);
    public override int GetHashCode() => HashCode.Combine(Columns, IsOpen);

    public override string ToString() =>
        "(" + string.Join(", ", Columns.Select(c => c.ToString())) + (IsOpen ? (Count == 0 ? "..." : ", ...") : "") + ")";
}
