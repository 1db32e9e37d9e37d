using Cwf.Emit;
using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Tests.Infrastructure;
using Cwf.Tests.Interpretation;

namespace Cwf.Tests.Emit;

/// <summary>
/// The reference interpreter (the test oracle) and the compiled SQL, run on PostgreSQL/PostGIS
/// and on DuckDB, produce the same output tables from the same inputs.
/// </summary>
[EngineTest(Engine.PostgreSql), EngineTest(Engine.DuckDb)]
[Collection(PostgresCollection.Name)]
public sealed class InterpreterAgreementTests(PostgresServer server)
{
    private static readonly RowSetComparison Tolerant = new() { RelativeTolerance = 1e-9, GeometryRelativeAreaTolerance = 0.01, GeometryTolerance = 1e-7 };

    private static Database Inputs(IEnumerable<TestTable> tables) =>
        tables.Aggregate(Database.Empty, (db, t) => db.With(t.Name, new Cwf.Interpretation.Table(t.Schema, t.TypedRows())));

    private static IReadOnlyList<(TableName Name, RowSet Rows)> Interpret(Workflow workflow, TestTable[] tables)
    {
        var result = Interpreter.Run(workflow, Inputs(tables));
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        return [.. workflow.Sinks.Select(s => s.Table).Distinct().Select(name => (name, result.Outputs.Find(name)!.ToRowSet()))];
    }

    public static TheoryData<string> PostgresCases => new(["relational", "functions", "spatial"]);

    private static (Workflow Workflow, TestTable[] Tables) Case(string name) => name switch
    {
        "relational" => (EmitSamples.Relational(), [EmitData.Orders(), EmitData.Customers(), EmitData.TopOrders()]),
        "functions" => (FunctionExpectations.Workflow(), [FunctionExpectations.Inputs()]),
        "spatial" => (PostgresExecutionTests.SpatialWithoutH3(), [EmitData.Places(), EmitData.Zones(), EmitData.OutsideTable()]),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(PostgresCases))]
    public async Task PostgreSQL_agrees_with_the_interpreter(string name)
    {
        var (workflow, tables) = Case(name);
        var expected = Interpret(workflow, tables);
        await using var db = await server.CreateDatabaseAsync();
        foreach (var table in tables) await db.LoadTableAsync(table);
        (await db.RunPsqlAsync(SqlEmitter.Emit(workflow, Dialects.Find("postgres")!).Sql!)).EnsureSucceeded();
        foreach (var (table, rows) in expected)
            RowSetAssert.Equal(rows, await db.ReadTableAsync(table.ToString()), Tolerant);
    }

    [Theory]
    [InlineData("relational")]
    [InlineData("functions")]
    public void DuckDB_agrees_with_the_interpreter(string name)
    {
        var (workflow, tables) = Case(name);
        var expected = Interpret(workflow, tables);
        using var duck = new DuckDbRunner();
        foreach (var table in tables) duck.LoadTable(table);
        duck.RunScript(SqlEmitter.Emit(workflow, Dialects.Find("duckdb")!).Sql!).EnsureSucceeded();
        foreach (var (table, rows) in expected)
            RowSetAssert.Equal(rows, duck.ReadTable(table.ToString()), Tolerant);
    }
}
