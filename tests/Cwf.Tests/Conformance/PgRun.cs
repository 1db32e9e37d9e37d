using System.Text.Json.Nodes;
using Cwf.Tests.Infrastructure;
using Npgsql;
using Xunit.Sdk;

namespace Cwf.Tests.Conformance;

/// <summary>
/// Runs compiled PostgreSQL scripts the way the hidden tests do: tables loaded into a database of
/// the test PostGIS server, the script from <c>cwf compile --dialect postgres</c> piped through
/// <c>psql -v ON_ERROR_STOP=1</c>, the outputs read back with their column names and types.
/// </summary>
internal static class PgRun
{
    public static readonly RowSetComparison Exact = RowSetComparison.Default;
    public static readonly RowSetComparison Ordered = RowSetComparison.Default with { OrderSensitive = true };
    public static readonly RowSetComparison Measured = RowSetComparison.Default with { RelativeTolerance = 0.005 };

    /// <summary>Compiles the canvas for PostgreSQL (catalog from the tables unless null) and runs it with psql; fails with the script on error.</summary>
    public static async Task<string> CompileAndRunAsync(PgDatabase db, ProductCanvas canvas, JsonObject? catalog, params string[] extra)
    {
        var compiled = CwfCli.Compile(canvas, "postgres", catalog, extra).ExpectExit(0);
        var run = await db.RunPsqlAsync(compiled.Output);
        if (!run.Succeeded) throw new XunitException($"psql failed:\n{run.StandardError}\nscript:\n{compiled.Output}");
        return compiled.Output;
    }

    public static async Task LoadAsync(PgDatabase db, params TestTable[] tables)
    {
        foreach (var table in tables) await db.LoadTableAsync(table);
    }

    /// <summary>
    /// The columns of a table as <c>name type</c> in ordinal order, separated by <c>, </c>; types as
    /// PostgreSQL names them (<c>bigint</c>, <c>double precision</c>, <c>text</c>, <c>geometry</c> ...).
    /// </summary>
    public static async Task<string> ColumnsAsync(PgDatabase db, string schema, string table)
    {
        await using var command = db.DataSource.CreateCommand(
            "SELECT column_name, CASE WHEN data_type = 'USER-DEFINED' THEN udt_name ELSE data_type END " +
            "FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position");
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new List<string>();
        while (await reader.ReadAsync()) columns.Add($"{reader.GetString(0)} {reader.GetString(1)}");
        if (columns.Count == 0) throw new XunitException($"No table {schema}.{table} (or it has no columns).");
        return string.Join(", ", columns);
    }

    public static Task<string> ColumnsAsync(PgDatabase db, string qualified)
    {
        var name = TestTable.ParseName(qualified);
        return ColumnsAsync(db, name.Schema ?? "public", name.Table);
    }

    public static async Task AssertColumnsAsync(PgDatabase db, string table, string expected) =>
        Assert.Equal(expected, await ColumnsAsync(db, table));

    public static RowSet Rows(string columns, params object?[][] rows) => RowSet.Of(columns.Split(", "), rows);
}
