using Cwf.Emit;
using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Optimization;
using Cwf.Planning;
using Cwf.Tests.Emit;
using Cwf.Tests.Infrastructure;
using Cwf.Tests.Interpretation;

namespace Cwf.Tests.Optimization;

/// <summary>
/// End to end: the optimized IR with the planner's decisions, emitted by the real backends and
/// run on PostgreSQL/PostGIS and DuckDB, writes the tables the interpreter computes from the
/// unoptimized workflow.
/// </summary>
[EngineTest(Engine.PostgreSql), EngineTest(Engine.DuckDb)]
[Collection(PostgresCollection.Name)]
public sealed class OptimizedExecutionTests(PostgresServer server)
{
    private static readonly RowSetComparison Tolerant = new() { RelativeTolerance = 1e-9, GeometryRelativeAreaTolerance = 0.01, GeometryTolerance = 1e-7 };

    private static (Workflow Workflow, TestTable[] Tables) Case(string name) => name switch
    {
        "relational" => (EmitSamples.Relational(), [EmitData.Orders(), EmitData.Customers(), EmitData.TopOrders()]),
        "functions" => (FunctionExpectations.Workflow(), [FunctionExpectations.Inputs()]),
        "spatial" => (PostgresExecutionTests.SpatialWithoutH3(), [EmitData.Places(), EmitData.Zones(), EmitData.OutsideTable()]),
        _ => throw new ArgumentException(name),
    };

    private static IReadOnlyList<(TableName Name, RowSet Rows)> Expected(Workflow workflow, TestTable[] tables)
    {
        var inputs = tables.Aggregate(Database.Empty, (db, t) => db.With(t.Name, new Cwf.Interpretation.Table(t.Schema, t.TypedRows())));
        var result = Interpreter.Run(workflow, inputs);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        return [.. workflow.Sinks.Select(s => s.Table).Distinct().Select(name => (name, result.Outputs.Find(name)!.ToRowSet()))];
    }

    private static (string Sql, OptimizationResult Result) Compile(Workflow workflow, OptimizerTarget target, string dialect)
    {
        var result = PassManager.Optimize(workflow, new OptimizerOptions { Target = target, VerifyEachPass = true });
        Assert.Empty(result.Diagnostics);
        var emitted = SqlEmitter.Emit(result.Optimized, Dialects.Find(dialect)!, new EmitOptions { Plan = Planner.Plan(result.Optimized, target) });
        Assert.True(emitted.Succeeded, string.Join("\n", emitted.Diagnostics));
        return (emitted.Sql!, result);
    }

    public static TheoryData<string> Cases => ["relational", "functions", "spatial"];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task PostgreSQL_runs_the_optimized_and_planned_workflow_with_the_same_results(string name)
    {
        var (workflow, tables) = Case(name);
        var expected = Expected(workflow, tables);
        var (sql, result) = Compile(workflow, Fixtures.PostgisLike, "postgres");
        Assert.Contains(result.Runs, r => r.Changed);
        await using var db = await server.CreateDatabaseAsync();
        foreach (var table in tables) await db.LoadTableAsync(table);
        (await db.RunPsqlAsync(sql)).EnsureSucceeded();
        foreach (var (table, rows) in expected)
            RowSetAssert.Equal(rows, await db.ReadTableAsync(table.ToString()), Tolerant);
    }

    [Theory]
    [InlineData("relational")]
    [InlineData("functions")]
    public void DuckDB_runs_the_optimized_and_planned_workflow_with_the_same_results(string name)
    {
        var (workflow, tables) = Case(name);
        var expected = Expected(workflow, tables);
        var target = new OptimizerTarget { Name = "duckdb-like", MaterializesSharedCtes = true, SupportsTempTables = true, SupportsViews = true };
        var (sql, _) = Compile(workflow, target, "duckdb");
        using var duck = new DuckDbRunner();
        foreach (var table in tables) duck.LoadTable(table);
        duck.RunScript(sql).EnsureSucceeded();
        foreach (var (table, rows) in expected)
            RowSetAssert.Equal(rows, duck.ReadTable(table.ToString()), Tolerant);
    }
}
