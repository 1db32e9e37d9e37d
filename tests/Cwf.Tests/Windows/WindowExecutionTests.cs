using Cwf.Emit;
using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Optimization;
using Cwf.Tests.Infrastructure;
using Cwf.Tests.Interpretation;

namespace Cwf.Tests.Windows;

/// <summary>Every window construct run on PostgreSQL/PostGIS and on DuckDB gives the interpreter's rows, optimized or not.</summary>
[EngineTest(Engine.PostgreSql), EngineTest(Engine.DuckDb)]
[Collection(PostgresCollection.Name)]
public sealed class WindowExecutionTests(PostgresServer server)
{
    private static readonly RowSetComparison Tolerant = new() { RelativeTolerance = 1e-9 };

    private static IReadOnlyList<(TableName Name, RowSet Rows)> Interpret(Workflow workflow)
    {
        var result = Interpreter.Run(workflow, WindowData.Database(WindowData.Readings()));
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        return [.. workflow.Sinks.Select(s => s.Table).Select(name => (name, result.Outputs.Find(name)!.ToRowSet()))];
    }

    public static TheoryData<bool> Optimized => new([false, true]);

    private static Workflow Workflow(Dialect dialect, bool optimized)
    {
        var workflow = WindowPrograms.Workflow(dialect);
        if (!optimized) return workflow;
        var result = PassManager.Optimize(workflow, new OptimizerOptions { Target = dialect.OptimizerTarget, VerifyEachPass = true });
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError || d.Code == "CWF5002");
        return result.Optimized;
    }

    [Theory]
    [MemberData(nameof(Optimized))]
    public async Task PostgreSQL_agrees_with_the_interpreter(bool optimized)
    {
        var dialect = Dialects.Find("postgres")!;
        var workflow = Workflow(dialect, optimized);
        var expected = Interpret(workflow);
        await using var db = await server.CreateDatabaseAsync();
        await db.LoadTableAsync(WindowData.Readings());
        (await db.RunPsqlAsync(SqlEmitter.Emit(workflow, dialect).Sql!)).EnsureSucceeded();
        foreach (var (table, rows) in expected)
            RowSetAssert.Equal(rows, await db.ReadTableAsync(table.ToString()), Tolerant);
    }

    [Theory]
    [MemberData(nameof(Optimized))]
    public void DuckDB_agrees_with_the_interpreter(bool optimized)
    {
        var dialect = Dialects.Find("duckdb")!;
        var workflow = Workflow(dialect, optimized);
        var expected = Interpret(workflow);
        using var duck = new DuckDbRunner();
        duck.LoadTable(WindowData.Readings());
        var sql = SqlEmitter.Emit(workflow, dialect).Sql!;
        Assert.Contains("QUALIFY", sql);
        duck.RunScript(sql).EnsureSucceeded();
        foreach (var (table, rows) in expected)
            RowSetAssert.Equal(rows, duck.ReadTable(table.ToString()), Tolerant);
    }
}
