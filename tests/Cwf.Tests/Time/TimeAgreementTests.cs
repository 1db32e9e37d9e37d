using Cwf.Emit;
using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Tests.Infrastructure;
using Cwf.Tests.Interpretation;

namespace Cwf.Tests.Time;

/// <summary>PostgreSQL/PostGIS and DuckDB compute the time edge cases (month ends, leap days, ISO weeks, boundaries crossed) as the interpreter does.</summary>
[EngineTest(Engine.PostgreSql), EngineTest(Engine.DuckDb)]
[Collection(PostgresCollection.Name)]
public sealed class TimeAgreementTests(PostgresServer server)
{
    private static RowSet Expected()
    {
        var table = TimeSamples.Moments();
        var result = Interpreter.Run(TimeSamples.Workflow(), Database.Empty.With(table.Name, new Cwf.Interpretation.Table(table.Schema, [.. table.TypedRows()])));
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        return result.Outputs.Find(new TableName(["t", "edges"]))!.ToRowSet();
    }

    [Fact]
    public async Task PostgreSQL_agrees_with_the_interpreter()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.LoadTableAsync(TimeSamples.Moments());
        (await db.RunPsqlAsync(SqlEmitter.Emit(TimeSamples.Workflow(), Dialects.Find("postgres")!).Sql!)).EnsureSucceeded();
        RowSetAssert.Equal(Expected(), await db.ReadTableAsync("t.edges"));
    }

    [Fact]
    public void DuckDB_agrees_with_the_interpreter()
    {
        using var duck = new DuckDbRunner();
        duck.LoadTable(TimeSamples.Moments());
        duck.RunScript(SqlEmitter.Emit(TimeSamples.Workflow(), Dialects.Find("duckdb")!).Sql!).EnsureSucceeded();
        RowSetAssert.Equal(Expected(), duck.ReadTable("t.edges"));
    }
}
