using System.Text;
using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Tests.Infrastructure;
using Cwf.Tests.Interpretation;

namespace Cwf.Tests.Equivalence;

/// <summary>
/// Compares an engine's output table with the interpreter's: the column names and the engine's
/// column types; the rows as multisets, floats (and decimals, which engines carry to other
/// precisions) within a relative tolerance, geometries normalized and within a tolerance, values
/// of approximate functions within the dialect's tolerance (<see cref="DialectTolerances"/>); and,
/// for a sorted output, that the engine's rows are in the sort's order (re-sorting them stably
/// with the interpreter leaves them unchanged; ties may come in any order).
/// </summary>
public sealed class OutputComparison(Func<SqlType, string, bool> stores, DialectTolerance tolerance)
{
    /// <summary>The rounding rule: floats within 1e-9 · max(1, |a|, |b|); geometries within 1e-9 degrees (centroids: last-bit differences).</summary>
    public static RowSetComparison Exact => RowSetComparison.Rounding;

    /// <summary>
    /// For values computed from approximate functions (<see cref="Approximation"/>): geodesic
    /// buffers, which engines approximate with different polygons (PostGIS: 32 segments per quarter
    /// circle in its best-fit projection; the interpreter: 32 on an azimuthal equidistant
    /// projection), polygons whose symmetric difference is within the dialect's buffer tolerance
    /// of their area; and floats derived from buffers or measured on another model than the
    /// ellipsoid within the largest of the dialect's tolerances.
    /// </summary>
    public RowSetComparison Approximate { get; } = new()
    {
        RelativeTolerance = tolerance.Largest, AbsoluteTolerance = 1e-6, GeometryTolerance = 1e-4, GeometryRelativeAreaTolerance = tolerance.Buffer,
    };

    /// <summary>A description of every difference, or null when the engine's table matches.</summary>
    public string? Differences(ExpectedOutput expected, RowSet actual, Approximation.Output approximation)
    {
        var report = new StringBuilder();
        var types = TypeDifferences(expected.Schema, actual);
        if (types is not null) report.Append(types).Append('\n');

        var (wanted, got) = (Tolerant(expected.Rows, expected.Schema), Tolerant(actual, expected.Schema));
        if (approximation.Approximate.Count == 0)
        {
            if (Exact.Differences(wanted, got) is { } d) report.Append(d);
        }
        else
        {
            // The exact columns exactly, and everything comparable within the buffer tolerance.
            var exact = expected.Schema.Names.Where(n => !approximation.Approximate.Contains(n)).ToList();
            if (Exact.Differences(Select(wanted, exact), Select(got, exact)) is { } d)
                report.Append(d);
            else
            {
                var comparable = expected.Schema.Columns.Where(c => !approximation.Approximate.Contains(c.Name) || c.Type is SqlType.Float64 or SqlType.Geography)
                    .Select(c => c.Name).ToList();
                if (Approximate.Differences(Select(wanted, comparable), Select(got, comparable)) is { } a)
                    report.Append($"(within the tolerance of approximate values, {tolerance.Model}) ").Append(a);
            }
        }

        if (report.Length == 0 && expected.Order is { } sort && !approximation.OrderApproximate && OrderDifferences(expected.Schema, sort, actual) is { } order)
            report.Append(order);
        return report.Length == 0 ? null : report.ToString();
    }

    private string? TypeDifferences(Schema schema, RowSet actual)
    {
        if (actual.EngineTypes is not { } types || types.Count != schema.Count) return null;
        var wrong = schema.Columns.Select((c, i) => (Column: c, Type: types[i]))
            .Where(x => x.Column.Type != SqlType.Unknown && !stores(x.Column.Type, x.Type))
            .Select(x => $"{x.Column.Name} is {x.Type}, not {x.Column.Type.Name()}")
            .ToList();
        return wrong.Count == 0 ? null : "Column types differ: " + string.Join("; ", wrong);
    }

    /// <summary>Decimals as doubles: engines keep other numbers of digits than .NET's decimal (PostgreSQL more, DuckDB's DECIMAL(38, 9) fewer).</summary>
    private static RowSet Tolerant(RowSet rows, Schema schema)
    {
        if (!schema.Columns.Any(c => c.Type == SqlType.Decimal)) return rows;
        var isDecimal = schema.Columns.Select(c => c.Type == SqlType.Decimal).ToArray();
        return new RowSet(rows.Columns, rows.Rows.Select(r => r.Select((v, i) => isDecimal[i] && v is decimal m ? (object)(double)m : v).ToArray()), rows.EngineTypes);
    }

    private static RowSet Select(RowSet rows, IReadOnlyList<string> columns)
    {
        var index = columns.Select(c => rows.Columns.ToList().FindIndex(x => string.Equals(x, c, StringComparison.OrdinalIgnoreCase))).ToArray();
        return new RowSet(columns, rows.Rows.Select(r => index.Select(i => i < 0 ? null : r[i]).ToArray()));
    }

    /// <summary>
    /// Whether the engine's rows are in the sort's order: the interpreter re-sorts them (a stable
    /// sort by the same keys, NULLs last, strings by code point) and must leave them as they are.
    /// </summary>
    public static string? OrderDifferences(Schema schema, SortNode sort, RowSet actual)
    {
        var table = ToTable(schema, actual);
        var b = new WorkflowBuilder("order check");
        var name = TableName.TryParse("engine_rows")!;
        var scan = b.Scan(name, schema, "engine rows");
        b.Sink(b.Sort(scan.Id, sort.Keys, "re-sort").Id, TableName.TryParse("resorted")!, WriteMode.Replace, "resorted");
        var run = Interpreter.Run(b.ToWorkflow(), Database.Empty.With(name, table));
        if (!run.Succeeded) return "The order of the rows could not be checked: " + string.Join("; ", run.Diagnostics);
        var resorted = run.Outputs["resorted"].ToRowSet();
        var given = table.ToRowSet();
        for (int i = 0; i < given.Count; i++)
        {
            if (RowSetComparison.Default.RowsEqual(given.Rows[i], resorted.Rows[i])) continue;
            return $"Rows are not in the order of the sort [{string.Join(", ", sort.Keys)}]: row {i} is\n" +
                   $"    ({string.Join(", ", given.Rows[i].Select(SqlValues.Format))})\n  where the sort puts\n    ({string.Join(", ", resorted.Rows[i].Select(SqlValues.Format))})\n" +
                   "  rows as the engine returned them:\n" + given.Format();
        }
        return null;
    }

    /// <summary>An engine's rows as an interpreter table of the output's schema.</summary>
    private static Table ToTable(Schema schema, RowSet rows) =>
        new(schema, rows.Rows.Select(r => (IReadOnlyList<object?>)r.Select((v, i) => (schema[i].Type, v) switch
        {
            (_, null) => null,
            (SqlType.Int64, decimal m) => (long)m,
            (SqlType.Float64, decimal m) => (double)m,
            (SqlType.Geography, GeometryValue g) => g.Geometry,
            _ => v,
        }).ToArray()));
}
