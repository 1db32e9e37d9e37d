using Cwf.Emit;
using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Optimization;
using Cwf.Tests.Infrastructure;
using Cwf.Tests.Interpretation;

namespace Cwf.Tests.Components.Everyday;

/// <summary>
/// Remove duplicated, cast, normalize, sample and cross join run on PostGIS and DuckDB, and a right spatial
/// join on PostGIS (DuckDB has no spatial extension here), optimized and not: every output table holds the
/// rows the interpreter computes (the sample the same rows).
/// </summary>
[EngineTest(Engine.PostgreSql), EngineTest(Engine.DuckDb)]
[Collection(PostgresCollection.Name)]
public sealed class EverydayExecutionTests(PostgresServer server)
{
    private static readonly RowSetComparison Tolerant = new() { RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-12, GeometryTolerance = 1e-9 };

    /// <summary>The program; with <paramref name="spatial"/> the readings have a point and a right spatial join keeps every zone (DuckDB here has no spatial extension).</summary>
    private static string Program(bool spatial) => $$"""
        source readings = table "src.readings" { sensor_id: int64, reading: string, ts: string{{(spatial ? ", geom: geography" : "")}} }
        {{(spatial ? "source zones = table \"src.zones\" { zone: string, geom: geography }" : "")}}
        source shifts = table "src.shifts" { shift: string }

        let clean = readings
          | remove_duplicates
          | cast_column reading, FLOAT
          | cast_column ts, TIMESTAMP
          | normalize reading

        output clean | sample 5 { seed: 11 } | cross_join shifts -> table "out.sampled"
        output clean | sample 3 -> table "out.default_seed"
        {{(spatial ? "output clean | right spatial_join zones on intersects(clean.geom, zones.geom) -> table \"out.per_zone\"" : "")}}
        """;

    private static readonly object?[][] ReadingRows =
    [
        [1L, "10", "2026-01-01 10:00:00", "POINT (0.5 0.5)"],
        [1L, "10", "2026-01-01 10:00:00", "POINT (0.5 0.5)"],
        [2L, "20", "2026-01-02 11:30:00", "POINT (1.5 0.5)"],
        [3L, "15", "2026-01-03 09:15:00", "POINT (0.25 0.75)"],
        [3L, "15", "2026-01-03 09:15:00", "POINT (0.25 0.75)"],
        [4L, "30", "2026-01-04 00:00:00", "POINT (5 5)"],
        [5L, null, null, "POINT (1.25 0.25)"],
        [6L, "12.5", "2026-01-06 23:59:59", null],
        [7L, "-4", "2026-02-28 12:00:00", "POINT (0.75 0.25)"],
        [8L, "7.25", "2026-03-01 06:00:00", "POINT (1.75 0.75)"],
    ];

    private static TestTable Readings(bool spatial) => spatial
        ? TestTable.Create("src.readings", "sensor_id int64, reading string, ts string, geom geography", ReadingRows)
        : TestTable.Create("src.readings", "sensor_id int64, reading string, ts string", [.. ReadingRows.Select(r => r[..3])]);

    private static TestTable Zones() => TestTable.Create("src.zones", "zone string, geom geography",
        ["west", "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"],
        ["east", "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))"],
        ["empty", "POLYGON ((10 10, 11 10, 11 11, 10 11, 10 10))"]);

    private static TestTable Shifts() => TestTable.Create("src.shifts", "shift string", ["day"], ["night"]);

    private static TestTable[] Tables(bool spatial) => spatial ? [Readings(true), Zones(), Shifts()] : [Readings(false), Shifts()];

    public static TheoryData<bool> Optimized => new([false, true]);

    private static Workflow Workflow(Dialect dialect, bool optimized, bool spatial)
    {
        var workflow = Cwf.Tests.Binding.Compilation.Ok(Program(spatial));
        if (!optimized) return workflow;
        var result = PassManager.Optimize(workflow, new OptimizerOptions { Target = dialect.OptimizerTarget, VerifyEachPass = true });
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError || d.Code == "CWF5002");
        return result.Optimized;
    }

    private static IReadOnlyList<(TableName Name, RowSet Rows)> Interpret(Workflow workflow, bool spatial)
    {
        var db = Tables(spatial).Aggregate(Database.Empty, (d, t) => d.With(t.Name, new Table(t.Schema, t.TypedRows())));
        var result = Interpreter.Run(workflow, db);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        return [.. workflow.Sinks.Select(s => s.Table).Select(name => (name, result.Outputs.Find(name)!.ToRowSet()))];
    }

    [Fact]
    public void The_interpreter_gives_the_expected_shape()
    {
        var outputs = Interpret(Workflow(Dialects.Find("postgres")!, optimized: false, spatial: true), spatial: true).ToDictionary(o => o.Name.ToString(), o => o.Rows);
        Assert.Equal(10, outputs["out.sampled"].Rows.Count);
        Assert.Equal(3, outputs["out.default_seed"].Rows.Count);
        // west holds sensors 1, 3 and 7, east 2, 5 and 8; the empty zone is kept once with NULL readings.
        Assert.Equal(7, outputs["out.per_zone"].Rows.Count);
    }

    [Theory]
    [MemberData(nameof(Optimized))]
    public async Task PostgreSQL_agrees_with_the_interpreter(bool optimized)
    {
        var dialect = Dialects.Find("postgres")!;
        var workflow = Workflow(dialect, optimized, spatial: true);
        var expected = Interpret(workflow, spatial: true);
        await using var db = await server.CreateDatabaseAsync();
        foreach (var table in Tables(spatial: true)) await db.LoadTableAsync(table);
        (await db.RunPsqlAsync(SqlEmitter.Emit(workflow, dialect).Sql!)).EnsureSucceeded();
        foreach (var (table, rows) in expected)
            RowSetAssert.Equal(rows, await db.ReadTableAsync(table.ToString()), Tolerant);
    }

    [Theory]
    [MemberData(nameof(Optimized))]
    public void DuckDB_agrees_with_the_interpreter(bool optimized)
    {
        var dialect = Dialects.Find("duckdb")!;
        var workflow = Workflow(dialect, optimized, spatial: false);
        var expected = Interpret(workflow, spatial: false);
        using var duck = new DuckDbRunner();
        foreach (var table in Tables(spatial: false)) duck.LoadTable(table);
        duck.RunScript(SqlEmitter.Emit(workflow, dialect).Sql!).EnsureSucceeded();
        foreach (var (table, rows) in expected)
            RowSetAssert.Equal(rows, duck.ReadTable(table.ToString()), Tolerant);
    }
}
