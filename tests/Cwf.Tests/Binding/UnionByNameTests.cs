using Cwf.Emit;
using Cwf.Formatting;
using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Tests.Infrastructure;
using Cwf.Tests.Interpretation;

namespace Cwf.Tests.Binding;

/// <summary><c>union by name</c>: columns of every input matched by name, NULL where an input lacks one, types widened.</summary>
[EngineTest(Engine.PostgreSql), EngineTest(Engine.DuckDb)]
[Collection(PostgresCollection.Name)]
public sealed class UnionByNameTests(PostgresServer server)
{
    private const string Program = """
        source a = table "s.a" { id: int64 not null, name: string, amount: int64 }
        source b = table "s.b" { amount: float64, id: int64 not null, code: string }
        source c = table "s.c" { id: int64 not null, day: date }
        output a | union by name b, c -> table "o.u"
        """;

    private static TestTable[] Tables() =>
    [
        TestTable.Create("s.a", "id int64, name string, amount int64", [1L, "x", 10L], [2L, null, null]),
        TestTable.Create("s.b", "amount float64, id int64, code string", [2.5, 3L, "B"]),
        TestTable.Create("s.c", "id int64, day date", [4L, new DateOnly(2024, 2, 29)]),
    ];

    [Fact]
    public void The_columns_are_the_first_inputs_then_the_new_ones_with_widened_types()
    {
        var workflow = Compilation.Ok(Program);
        var union = workflow.Nodes.OfType<UnionAllNode>().Single();
        Assert.Equal(["id", "name", "amount", "code", "day"], union.Schema.Names);
        Assert.Equal([SqlType.Int64, SqlType.String, SqlType.Float64, SqlType.String, SqlType.Date], union.Schema.Columns.Select(c => c.Type));
        Assert.False(union.Schema.Columns[0].Nullable);
        Assert.True(union.Schema.Columns[3].Nullable);
        // Each input is adapted by a projection of its own (none needed when an input already has the columns).
        Assert.Equal(3, workflow.Nodes.OfType<ProjectNode>().Count());
    }

    [Fact]
    public void Inputs_with_the_same_columns_are_a_plain_union()
    {
        var plain = Compilation.Ok("""
            source a = table "s.a" { id: int64, v: string }
            source b = table "s.b" { v: string, id: int64 }
            output a | union by name b -> table "o.u"
            """);
        Assert.Empty(plain.Nodes.OfType<ProjectNode>());
    }

    [Fact]
    public void Types_without_a_common_type_are_CWF2503()
    {
        var error = Assert.Single(Compilation.Errors("""
            source a = table "s.a" { id: int64, v: string }
            source b = table "s.b" { id: int64, v: bool }
            output a | union by name b -> table "o.u"
            """));
        Assert.Equal("CWF2503", error.Code);
        Assert.Equal("column 'v' is string in 'a' but bool in 'b', which have no common type", error.Message);
        Assert.Equal("3:26", Compilation.Position(error));
    }

    [Fact]
    public void Plain_union_still_requires_the_same_columns()
    {
        var errors = Compilation.Errors(Program.Replace("union by name", "union", StringComparison.Ordinal));
        Assert.Equal(["CWF2805", "CWF2805"], errors.Select(e => e.Code));
    }

    [Fact]
    public void The_formatter_keeps_by_name()
    {
        var formatted = CwfFormatter.Format(Program.Replace("union by name b, c", "UNION   BY NAME b,c", StringComparison.Ordinal))!;
        Assert.Contains("| union by name b, c", formatted);
        Assert.Equal(formatted, CwfFormatter.Format(formatted));
    }

    private static RowSet Interpreted() => Run().ToRowSet();

    private static Table Run()
    {
        var db = Tables().Aggregate(Database.Empty, (d, t) => d.With(t.Name, new Table(t.Schema, [.. t.TypedRows()])));
        var result = Interpreter.Run(Compilation.Ok(Program), db);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        return result.Outputs.Find(new TableName(["o", "u"]))!;
    }

    [Fact]
    public void The_interpreter_fills_missing_columns_with_null()
    {
        var rows = Run().Rows;
        Assert.Equal(4, rows.Count);
        var fromC = rows[3];
        Assert.Equal(4L, fromC[0]);
        Assert.Equal([null, null, null], fromC.Skip(1).Take(3));
        Assert.Equal(new DateOnly(2024, 2, 29), fromC[4]);
        var first = rows[0];
        Assert.Equal(10.0, Assert.IsType<double>(first[2]));
    }

    [Fact]
    public async Task PostgreSQL_agrees_with_the_interpreter()
    {
        await using var db = await server.CreateDatabaseAsync();
        foreach (var table in Tables()) await db.LoadTableAsync(table);
        (await db.RunPsqlAsync(SqlEmitter.Emit(Compilation.Ok(Program), Dialects.Find("postgres")!).Sql!)).EnsureSucceeded();
        RowSetAssert.Equal(Interpreted(), await db.ReadTableAsync("o.u"));
    }

    [Fact]
    public void DuckDB_agrees_with_the_interpreter()
    {
        using var duck = new DuckDbRunner();
        foreach (var table in Tables()) duck.LoadTable(table);
        duck.RunScript(SqlEmitter.Emit(Compilation.Ok(Program), Dialects.Find("duckdb")!).Sql!).EnsureSucceeded();
        RowSetAssert.Equal(Interpreted(), duck.ReadTable("o.u"));
    }
}
