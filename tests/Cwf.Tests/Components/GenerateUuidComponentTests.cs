using System.Text.RegularExpressions;
using Cwf.Canvas;
using Cwf.Emit;
using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Optimization;
using Cwf.Tests.Canvas;
using Cwf.Tests.Infrastructure;
using Cwf.Text;

namespace Cwf.Tests.Components;

/// <summary>
/// <c>native.generateuuid</c> and <c>generate_uuid()</c>: values differ on every run and engine, so these tests
/// check what is the same everywhere: one lower-case version 4 UUID per row, all distinct, and that the
/// optimizer never copies or merges the call (it is the IR's one non-deterministic function).
/// </summary>
[EngineTest(Engine.PostgreSql), EngineTest(Engine.DuckDb)]
[Collection(PostgresCollection.Name)]
public partial class GenerateUuidComponentTests(PostgresServer server)
{
    private const string Program = """
        source t = table "src.t" { id: int64 }
        output t | generate_uuid -> table "o.ids"
        """;

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex Version4();

    private static TestTable Ids() => TestTable.Create("src.t", "id int64", [1L], [2L], [3L], [4L]);

    private static void AssertDistinctVersion4(IEnumerable<object?> values)
    {
        var list = values.Select(v => Assert.IsType<string>(v)).ToList();
        Assert.Equal(4, list.Count);
        Assert.All(list, v => Assert.Matches(Version4(), v));
        Assert.Equal(list.Count, list.Distinct().Count());
    }

    [Fact]
    public void The_interpreter_gives_each_row_its_own_uuid()
    {
        var workflow = Cwf.Tests.Binding.Compilation.Ok(Program);
        var table = Ids();
        var result = Interpreter.Run(workflow, Database.Empty.With(table.Name, new Table(table.Schema, [.. table.TypedRows()])));
        var output = result.Outputs.Find(new TableName(["o", "ids"]))!;
        Assert.Equal(["id", "uuid"], output.Schema.Names);
        AssertDistinctVersion4(output.Rows.Select(r => r[1]));
    }

    [Fact]
    public void A_canvas_node_round_trips_and_the_call_is_not_deterministic()
    {
        var c = new TestCanvas();
        var t = c.Source("src.t", "t", "id:int64");
        var uuid = c.Node("native.generateuuid", "Ids");
        var save = c.Node("native.saveastable", "Save", ("destination", "out.ids"));
        c.Flow(t, uuid).Flow(uuid, save);
        var imported = CanvasTestKit.Import(c);
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        var text = CanvasDecompiler.ToCwf(imported);
        Assert.True(text.Contains("  | generate_uuid\n", StringComparison.Ordinal), text);
        Assert.Equal(IrPrinter.PrintCanonical(imported.Workflow!), IrPrinter.PrintCanonical(Cwf.Tests.Binding.Compilation.Ok(text)));
        Assert.False(Predicates.IsDeterministic(ExprFactory.Call(Functions.GenerateUuid)));
    }

    [Fact]
    public void Redshift_reports_that_it_has_no_uuid_function()
    {
        var result = SqlEmitter.Emit(Cwf.Tests.Binding.Compilation.Ok(Program), Dialects.Find("redshift")!);
        Assert.Contains(result.Diagnostics, d => d.Code == "CWF6002" && d.Message.Contains("generate_uuid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostgreSQL_gives_each_row_its_own_uuid()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.LoadTableAsync(Ids());
        (await db.RunPsqlAsync(SqlEmitter.Emit(Cwf.Tests.Binding.Compilation.Ok(Program), Dialects.Find("postgres")!).Sql!)).EnsureSucceeded();
        var rows = await db.QueryAsync("SELECT uuid FROM o.ids");
        AssertDistinctVersion4(rows.Rows.Select(r => r[0]));
    }

    [Fact]
    public void DuckDB_gives_each_row_its_own_uuid()
    {
        using var duck = new DuckDbRunner();
        duck.LoadTable(Ids());
        duck.RunScript(SqlEmitter.Emit(Cwf.Tests.Binding.Compilation.Ok(Program), Dialects.Find("duckdb")!).Sql!).EnsureSucceeded();
        AssertDistinctVersion4(duck.ReadTable("o.ids").Rows.Select(r => r[1]));
    }
}
