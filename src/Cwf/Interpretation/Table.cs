using System.Globalization;
using System.Text;
using Cwf.Interpretation.Evaluation;
using Cwf.Ir;
using NetTopologySuite.Geometries;

namespace Cwf.Interpretation;

/// <summary>
/// An in-memory relation: a schema and rows of CLR values, one kind per column type as in
/// <see cref="Literal"/> — long (int64), double (float64), decimal, string, bool, DateOnly (date),
/// DateTime (timestamp), NetTopologySuite <see cref="Geometry"/> in lon/lat (geography) — or null.
/// Immutable: the interpreter never changes a table it was given.
/// </summary>
public sealed class Table
{
    private readonly object?[][] _rows;

    /// <summary>A table from rows whose values are checked against the schema (int, float and other CLR kinds are normalized).</summary>
    /// <exception cref="ArgumentException">A row has the wrong length or a value of the wrong kind.</exception>
    public Table(Schema schema, IEnumerable<IReadOnlyList<object?>> rows)
    {
        Schema = schema;
        var list = new List<object?[]>();
        foreach (var row in rows)
        {
            if (row.Count != schema.Count)
                throw new ArgumentException($"Row {list.Count} has {row.Count} values; the schema {schema} has {schema.Count} columns.");
            var values = new object?[row.Count];
            for (int i = 0; i < values.Length; i++)
            {
                if (!SqlValues.TryNormalize(row[i], schema[i].Type, out values[i]))
                    throw new ArgumentException(
                        $"Row {list.Count}, column '{schema[i].Name}': {row[i]!.GetType().Name} value '{row[i]}' is not a {schema[i].Type.Name()}.");
            }
            list.Add(values);
        }
        _rows = [.. list];
    }

    private Table(object?[][] rows, Schema schema)
    {
        Schema = schema;
        _rows = rows;
    }

    /// <summary>Rows the interpreter built itself: already normalized, and never handed out as arrays to change.</summary>
    internal static Table FromTrustedRows(Schema schema, object?[][] rows) => new(rows, schema);

    public Schema Schema { get; }

    public int Count => _rows.Length;

    /// <summary>The rows, in order; each row has one value per schema column.</summary>
    public IReadOnlyList<IReadOnlyList<object?>> Rows => _rows;

    internal object?[][] RowArrays => _rows;

    /// <summary>
    /// A plain-text rendering (header, then one line per row) for tests and debugging: values as
    /// the reference engine would print them (WKT for geography, <c>NULL</c> for null).
    /// </summary>
    public string Format()
    {
        var sb = new StringBuilder();
        sb.AppendJoin(" | ", Schema.Columns.Select(c => c.Name)).Append('\n');
        foreach (var row in _rows)
            sb.AppendJoin(" | ", row.Select(v => v is null ? "NULL" : SqlValues.ToText(v))).Append('\n');
        return sb.ToString();
    }

    public override string ToString() => $"Table{Schema} with {Count.ToString(CultureInfo.InvariantCulture)} rows";
}
