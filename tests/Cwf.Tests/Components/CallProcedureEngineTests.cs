using Cwf.Emit;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Components;

/// <summary>
/// <c>native.call</c> on PostgreSQL: the test creates a procedure that builds the table it is given from the table
/// it reads, the script calls it on a materialized input, and the following steps read what it wrote.
/// </summary>
[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public sealed class CallProcedureEngineTests(PostgresServer server)
{
    private const string Procedure = """
        CREATE PROCEDURE public.cwf_double_amounts(source text, target text) LANGUAGE plpgsql AS $body$
        BEGIN
          EXECUTE format('CREATE TABLE %s AS SELECT id, amount * 2 AS doubled FROM %s', target, source);
        END
        $body$
        """;

    private const string Program = """
        source s = table "s.sales" { id: int64, amount: float64 }
        let doubled = s | filter amount > 1 | call "CALL public.cwf_double_amounts('$a', '$output')" returns { id: int64, doubled: float64 }
        output doubled | filter doubled > 5 -> table "o.doubled"
        """;

    [Fact]
    public async Task The_script_calls_the_procedure_and_reads_the_table_it_created()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync(Procedure);
        await db.LoadTableAsync(TestTable.Create("s.sales", "id int64, amount float64", [1L, 0.5], [2L, 2.0], [3L, 4.0]));
        var sql = SqlEmitter.Emit(Cwf.Tests.Binding.Compilation.Ok(Program), Dialects.Find("postgres")!).Sql!;
        (await db.RunPsqlAsync(sql)).EnsureSucceeded();
        RowSetAssert.Equal(RowSet.Of(["id", "doubled"], [3L, 8.0]), await db.ReadTableAsync("o.doubled"));
        // The table the procedure created is dropped at the end of the script.
        var work = System.Text.RegularExpressions.Regex.Match(sql, @"'o\.(cwf_[a-z_0-9]+)'").Groups[1].Value;
        Assert.NotEmpty(work);
        Assert.False(await db.TableExistsAsync("o." + work));
    }
}
