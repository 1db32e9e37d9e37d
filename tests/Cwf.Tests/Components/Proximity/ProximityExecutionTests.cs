using Cwf.Emit;
using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Optimization;
using Cwf.Tests.Infrastructure;
using Cwf.Tests.Interpretation;

namespace Cwf.Tests.Components.Proximity;

/// <summary>
/// K nearest neighbours and the distance matrix on PostGIS, the key join (joinv2's form) on PostGIS and
/// DuckDB, optimized and not: every output table holds the rows the interpreter computes (a join name with a space
/// and capitals comes back as written).
/// </summary>
[EngineTest(Engine.PostgreSql), EngineTest(Engine.DuckDb)]
[Collection(PostgresCollection.Name)]
public sealed class ProximityExecutionTests(PostgresServer server)
{
    private static readonly RowSetComparison Tolerant = new() { RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-6, GeometryTolerance = 1e-9 };

    private const string Spatial = """
        source shops = table "src.shops" { id: int64, name: string, geom: geography }
        output shops | knn id, geom, 2 -> table "out.knn"
        output shops | knn id, geom, 3 { maxdistance: 200000 } -> table "out.near"
        output shops | distancematrix geom, name -> table "out.matrix"
        """;

    private const string Keys = """
        source traffic = table "src.traffic" { period: string, vol: float64 }
        source collisions = table "src.collisions" { period: string, n: int64 }
        output traffic | join_keys collisions, period, period { jointype: 'Full outer', righttablecolumns: '[{"name":"period","joinname":"other_period"},{"name":"n","joinname":"Total Collisions"}]' } -> table "out.full"
        output traffic | join_keys collisions, period, period { jointype: 'Right', lefttablecolumns: '[{"name":"vol"}]', righttablecolumns: '[{"name":"period","joinname":"period"}]' } -> table "out.right"
        """;

    private static TestTable[] KeyTables() =>
    [
        TestTable.Create("src.traffic", "period string, vol float64", ["Before", 10.5], ["After", 7.0], [null, 1.0], ["Before", 2.0]),
        TestTable.Create("src.collisions", "period string, n int64", ["Before", 3L], ["Later", 4L], [null, 5L]),
    ];

    public static TheoryData<bool> Optimized => new([false, true]);

    private static Workflow Workflow(string program, Dialect dialect, bool optimized)
    {
        var workflow = Cwf.Tests.Binding.Compilation.Ok(program);
        if (!optimized) return workflow;
        var result = PassManager.Optimize(workflow, new OptimizerOptions { Target = dialect.OptimizerTarget, VerifyEachPass = true });
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError || d.Code == "CWF5002");
        return result.Optimized;
    }

    private static IReadOnlyList<(TableName Name, RowSet Rows)> Interpret(Workflow workflow, TestTable[] tables)
    {
        var db = tables.Aggregate(Database.Empty, (d, t) => d.With(t.Name, new Table(t.Schema, t.TypedRows())));
        var result = Interpreter.Run(workflow, db);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        return [.. workflow.Sinks.Select(s => s.Table).Select(name => (name, result.Outputs.Find(name)!.ToRowSet()))];
    }

    [Theory]
    [MemberData(nameof(Optimized))]
    public async Task PostgreSQL_agrees_with_the_interpreter(bool optimized)
    {
        var dialect = Dialects.Find("postgres")!;
        foreach (var (program, tables) in new[] { (Spatial, new[] { ProximityData.Shops() }), (Keys, KeyTables()) })
        {
            var workflow = Workflow(program, dialect, optimized);
            var expected = Interpret(workflow, tables);
            await using var db = await server.CreateDatabaseAsync();
            foreach (var table in tables) await db.LoadTableAsync(table);
            (await db.RunPsqlAsync(SqlEmitter.Emit(workflow, dialect).Sql!)).EnsureSucceeded();
            foreach (var (table, rows) in expected)
            {
                Assert.NotEmpty(rows.Rows);
                RowSetAssert.Equal(rows, await db.ReadTableAsync(table.ToString()), Tolerant);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Optimized))]
    public void DuckDB_agrees_with_the_interpreter(bool optimized)
    {
        var dialect = Dialects.Find("duckdb")!;
        var workflow = Workflow(Keys, dialect, optimized);
        var expected = Interpret(workflow, KeyTables());
        using var duck = new DuckDbRunner();
        foreach (var table in KeyTables()) duck.LoadTable(table);
        duck.RunScript(SqlEmitter.Emit(workflow, dialect).Sql!).EnsureSucceeded();
        foreach (var (table, rows) in expected)
            RowSetAssert.Equal(rows, duck.ReadTable(table.ToString()), Tolerant);
    }
}
