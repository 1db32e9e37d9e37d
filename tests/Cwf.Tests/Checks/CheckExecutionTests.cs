using Cwf.Emit;
using Cwf.Optimization;
using Cwf.Tests.Infrastructure;
using static Cwf.Tests.Binding.Compilation;

namespace Cwf.Tests.Checks;

/// <summary>
/// Each kind of check, passing and failing, on PostgreSQL/PostGIS and DuckDB: a passing check lets the
/// script commit; a failing one stops it with the message the interpreter gives (CheckLanguageTests),
/// and the outputs are rolled back.
/// </summary>
[EngineTest(Engine.PostgreSql), EngineTest(Engine.DuckDb)]
[Collection(PostgresCollection.Name)]
public sealed class CheckExecutionTests(PostgresServer server)
{
    private static string Script(string check, string dialect)
    {
        var workflow = Ok(CheckData.Program($"assert all_orders {check}"));
        var d = Dialects.Find(dialect)!;
        var optimized = PassManager.Optimize(workflow, new OptimizerOptions { Target = d.OptimizerTarget, VerifyEachPass = true }).Optimized;
        return SqlEmitter.Emit(optimized, d).Sql!;
    }

    [Theory]
    [MemberData(nameof(CheckData.Cases), MemberType = typeof(CheckData))]
    public async Task PostgreSQL_fails_the_script_exactly_when_the_interpreter_fails_the_check(string check, long measure, bool passes)
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.LoadTableAsync(CheckData.Orders());
        var psql = await db.RunPsqlAsync(Script(check, "postgres"));
        if (passes)
        {
            psql.EnsureSucceeded();
            Assert.Equal(5, (await db.ReadTableAsync("out.orders")).Rows.Count);
            return;
        }
        Assert.NotEqual(0, psql.ExitCode);
        Assert.Contains($"ERROR:  check all_orders.{check} failed: {measure} rows", psql.StandardError);
        Assert.False(await db.TableExistsAsync("out.orders"));
    }

    [Theory]
    [MemberData(nameof(CheckData.Cases), MemberType = typeof(CheckData))]
    public void DuckDB_fails_the_script_exactly_when_the_interpreter_fails_the_check(string check, long measure, bool passes)
    {
        using var duck = new DuckDbRunner();
        duck.LoadTable(CheckData.Orders());
        var result = duck.RunScript(Script(check, "duckdb"));
        if (passes)
        {
            result.EnsureSucceeded();
            Assert.Equal(5, duck.ReadTable("out.orders").Rows.Count);
            return;
        }
        Assert.False(result.Succeeded);
        Assert.Contains($"check all_orders.{check} failed: {measure} rows", result.Error);
    }

    [Fact]
    public async Task A_hostile_check_name_comes_back_verbatim_in_the_PostgreSQL_error()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE SCHEMA src; CREATE TABLE src.weird (order_id bigint NOT NULL); INSERT INTO src.weird VALUES (1), (2);");
        var sql = SqlEmitter.Emit(CheckEmitTests.Hostile(CheckEmitTests.HostileLabel), Dialects.Find("postgres")!).Sql!;
        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(async () => await db.ExecuteAsync(sql));
        Assert.Equal("23514", error.SqlState);
        Assert.Equal($"check {CheckEmitTests.HostileLabel} failed: 2 rows", error.MessageText);
    }

    [Fact]
    public void A_hostile_check_name_comes_back_verbatim_in_the_DuckDB_error()
    {
        using var duck = new DuckDbRunner();
        duck.RunScript("CREATE SCHEMA src; CREATE TABLE src.weird (order_id BIGINT NOT NULL); INSERT INTO src.weird VALUES (1), (2);").EnsureSucceeded();
        var result = duck.RunScript(SqlEmitter.Emit(CheckEmitTests.Hostile(CheckEmitTests.HostileLabel), Dialects.Find("duckdb")!).Sql!);
        Assert.False(result.Succeeded);
        Assert.Contains($"check {CheckEmitTests.HostileLabel} failed: 2 rows", result.Error);
    }

    [Fact]
    public async Task A_column_named_with_quotes_and_dollar_quotes_is_checked_on_PostgreSQL()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync(""""CREATE SCHEMA src; CREATE TABLE src.weird ("it's $$ ""q""" bigint); INSERT INTO src.weird VALUES (1), (1), (NULL);"""");
        var workflow = Ok(""""
            source weird = table "src.weird" { "it's $$ ""q""": int64 }
            output weird -> table "out.weird"
            assert table "out.weird" unique("it's $$ ""q""")
            """");
        var psql = await db.RunPsqlAsync(SqlEmitter.Emit(workflow, Dialects.Find("postgres")!).Sql!);
        // The check is named as the formatter prints it: a name that needs quotes in backticks.
        Assert.Contains("""check out.weird.unique(`it's $$ "q"`) failed: 2 rows""", psql.StandardError);
    }
}
