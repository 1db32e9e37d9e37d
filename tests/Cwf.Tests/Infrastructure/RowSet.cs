using System.Text;

namespace Cwf.Tests.Infrastructure;

/// <summary>
/// Rows read back from an engine (or produced by the reference interpreter) in normalized form
/// (<see cref="SqlValues"/>), with the column names and, where known, the engine's type names.
/// Compare two with <see cref="RowSetComparison"/>.
/// </summary>
public sealed class RowSet
{
    public RowSet(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows, IReadOnlyList<string>? engineTypes = null)
    {
        Columns = columns;
        EngineTypes = engineTypes;
        var normalized = new List<IReadOnlyList<object?>>();
        foreach (var row in rows)
        {
            if (row.Count != columns.Count)
                throw new ArgumentException($"Row {normalized.Count} has {row.Count} values for {columns.Count} columns.");
            normalized.Add(row.Select(SqlValues.Normalize).ToArray());
        }
        Rows = normalized;
    }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>Rows of normalized values, in the order the engine returned them.</summary>
    public IReadOnlyList<IReadOnlyList<object?>> Rows { get; }

    /// <summary>The engine's type name per column (e.g. <c>bigint</c>, <c>geometry</c>), null when not read from an engine.</summary>
    public IReadOnlyList<string>? EngineTypes { get; }

    public int Count => Rows.Count;

    /// <summary>
    /// Expected rows, written compactly: <c>RowSet.Of(["id", "geom"], [1, RowSet.Geo("POINT (1 2)")], [2, null])</c>.
    /// </summary>
    public static RowSet Of(IReadOnlyList<string> columns, params object?[][] rows) => new(columns, rows);

    /// <summary>A geometry cell from WKT (plain strings stay strings).</summary>
    public static GeometryValue Geo(string wkt) => GeometryValue.Parse(wkt);

    /// <summary>The values of one column, by name.</summary>
    public IReadOnlyList<object?> Column(string name)
    {
        int index = Columns.ToList().FindIndex(c => string.Equals(c, name, StringComparison.Ordinal));
        if (index < 0) throw new ArgumentException($"No column '{name}' in ({string.Join(", ", Columns)}).");
        return Rows.Select(r => r[index]).ToArray();
    }

    /// <summary>The rows as a text table, at most <paramref name="maxRows"/> of them.</summary>
    public string Format(int maxRows = 50) => FormatRows(Columns, Rows, maxRows);

    public override string ToString() => Format();

    internal static string FormatRows(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<object?>> rows, int maxRows)
    {
        var text = new StringBuilder();
        text.Append("  | ").AppendJoin(" | ", columns).Append('\n');
        foreach (var row in rows.Take(maxRows))
            text.Append("  | ").AppendJoin(" | ", row.Select(SqlValues.Format)).Append('\n');
        if (rows.Count > maxRows) text.Append($"  ... {rows.Count - maxRows} more\n");
        return text.ToString();
    }
}
