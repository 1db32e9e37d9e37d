using System.Collections.Immutable;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Emit;

/// <summary>
/// Custom SQL is re-indented into the script by lines, but text inside its string literals and
/// quoted names, found with the target warehouse's lexical rules, reaches the warehouse byte for
/// byte: a carriage return there is not a line break, and trailing blanks there stay (issue 12).
/// </summary>
public sealed class CustomSqlTextTests
{
    private static string Text(string sql, string dialect) => SqlBlock.FromText(sql, Dialects.Find(dialect)!.LexicalRules).ToString();

    [Fact]
    public void Line_breaks_and_trailing_blanks_inside_a_literal_are_kept_and_code_is_reindented()
    {
        Assert.Equal("SELECT 'a\r\nb  \n  c\rd' AS t\n  FROM x\n", Text("  SELECT 'a\r\nb  \n  c\rd' AS t\r\n    FROM x  \r\n", "postgres"));
        Assert.Equal("SELECT \"odd\rname  \n\" AS t\nFROM x\n", Text("SELECT \"odd\rname  \n\" AS t\rFROM x", "postgres"));
    }

    [Fact]
    public void Literals_are_found_with_the_warehouses_own_rules()
    {
        // BigQuery reads \' as a quote inside the literal, so the carriage return after it is still inside.
        Assert.Equal("SELECT 'it\\'s\r' AS t\n", Text("SELECT 'it\\'s\r' AS t", "bigquery"));
        // PostgreSQL's dollar-quoted body keeps its line breaks and blanks.
        Assert.Equal("SELECT $q$a  \r\n  b$q$ AS t\n", Text("SELECT $q$a  \r\n  b$q$ AS t", "postgres"));
        // In code and comments every line break style ends a line.
        Assert.Equal("SELECT 1 -- c\nFROM x\nWHERE y\n", Text("SELECT 1 -- c\rFROM x\r\nWHERE y", "postgres"));
    }

    internal static Workflow Literal(string sql)
    {
        var b = new WorkflowBuilder("custom_text");
        var orders = b.Scan(new TableName(["shop", "orders"]), EmitSamples.Orders, "orders");
        var custom = b.Opaque([orders.Id], "native.customsql", sql,
            new Schema([new Column("id", SqlType.Int64), new Column("t", SqlType.String)]), ImmutableSortedDictionary<string, string>.Empty, "Text");
        b.Sink(custom.Id, new TableName(["analytics", "custom_text"]), WriteMode.Replace, "k");
        return b.ToWorkflow();
    }
}

/// <summary>DuckDB stores what custom SQL's literals say, line breaks and blanks included.</summary>
[EngineTest(Engine.DuckDb)]
public sealed class CustomSqlTextDuckDbTests : IDisposable
{
    private readonly DuckDbRunner _duck = new();

    public CustomSqlTextDuckDbTests() => _duck.LoadTable(EmitData.Orders());

    public void Dispose() => _duck.Dispose();

    [Fact]
    public void A_multi_line_literal_is_stored_byte_for_byte()
    {
        const string value = "a\r\nb  \n  c\rd";
        var result = SqlEmitter.Emit(CustomSqlTextTests.Literal($"SELECT id, '{value}' AS t FROM $a"), Dialects.Find("duckdb")!, new EmitOptions());
        Assert.True(result.Sql is not null, string.Join("\n", result.Diagnostics));
        _duck.RunScript(result.Sql!).EnsureSucceeded();
        var rows = _duck.Query("SELECT DISTINCT t FROM analytics.custom_text").Rows;
        Assert.Equal(value, Assert.Single(rows)[0]);
    }
}
