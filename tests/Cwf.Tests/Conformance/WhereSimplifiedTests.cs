using Cwf.Tests.Infrastructure;
using static Cwf.Tests.Conformance.PgRun;

namespace Cwf.Tests.Conformance;

/// <summary>
/// Contract 5a.8: a simple filter's value is typed by its column: a number for numeric columns
/// (anything else is an error), an escaped string literal for strings, a date or timestamp literal,
/// <c>true</c>/<c>false</c> for booleans; run through the CLI and psql.
/// </summary>
public sealed class WhereSimplifiedFixture : PgCanvasFixture
{
    internal static readonly TestTable Events = TestTable.Create("src.events",
        "event_id int64, name string, day date, at timestamp, ok bool, score float64, amount decimal",
        [1, "O'Brien", "2024-01-10", "2024-01-10 08:00:00", true, 1.5, 10.5m],
        [2, "b", "2024-02-01", "2024-02-01 12:00:00", false, 2.0, 2m],
        [3, "B", "2024-03-05", "2024-03-05 23:59:59", null, null, null],
        [4, null, null, null, true, 10.0, 100m],
        [5, "a", "2023-12-31", "2023-12-31 00:00:00", false, -1.0, 0.5m]);

    internal override TestTable[] Tables => [Events];

    internal static readonly (string Name, string Column, string Operator, object Value)[] Cases =
    [
        ("date_from", "day", "equal or greater than", "2024-02-01"),
        ("date_eq", "day", "equal to", "2024-01-10"),
        ("ts_before", "at", "less than", "2024-02-01 12:00:00"),
        ("ts_iso", "at", "equal or less than", "2024-02-01T12:00:00"),
        ("bool_true", "ok", "equal to", "true"),
        ("bool_false", "ok", "equal to", "false"),
        ("bool_not_true", "ok", "not equal", "true"),
        ("string_quote", "name", "equal to", "O'Brien"),
        ("string_case", "name", "equal to", "b"),
        ("string_digits", "name", "not equal", "10"),
        ("int_gt", "event_id", "greater than", "3"),
        ("int_decimal_text", "event_id", "equal to", "2.0"),
        ("float_le", "score", "equal or less than", "1.5"),
        ("float_number", "score", "greater than", 1.75),
        ("decimal_ge", "amount", "equal or greater than", "10.5"),
        ("negative", "score", "less than", "-0.5"),
    ];

    internal override ProductCanvas Canvas()
    {
        var c = new ProductCanvas("Simple filters");
        var events = c.Source("src.events", "Events");
        foreach (var (name, column, op, value) in Cases)
        {
            var filter = c.Add("native.wheresimplified", $"Filter {name}", ("column", column), ("operator", op), ("value", value));
            c.Connect(events, filter);
            c.Save(filter, $"out.{name}");
        }
        return c;
    }
}

[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public sealed class WhereSimplifiedTests(WhereSimplifiedFixture fixture) : IClassFixture<WhereSimplifiedFixture>
{
    [Theory]
    [InlineData("date_from", new long[] { 2, 3 })]
    [InlineData("date_eq", new long[] { 1 })]
    [InlineData("ts_before", new long[] { 1, 5 })]
    [InlineData("ts_iso", new long[] { 1, 2, 5 })]
    [InlineData("bool_true", new long[] { 1, 4 })]
    [InlineData("bool_false", new long[] { 2, 5 })]
    [InlineData("bool_not_true", new long[] { 2, 5 })]
    [InlineData("string_quote", new long[] { 1 })]
    [InlineData("string_case", new long[] { 2 })]
    [InlineData("string_digits", new long[] { 1, 2, 3, 5 })]
    [InlineData("int_gt", new long[] { 4, 5 })]
    [InlineData("int_decimal_text", new long[] { 2 })]
    [InlineData("float_le", new long[] { 1, 5 })]
    [InlineData("float_number", new long[] { 2, 4 })]
    [InlineData("decimal_ge", new long[] { 1, 4 })]
    [InlineData("negative", new long[] { 5 })]
    public async Task Value_is_typed_by_the_column(string name, long[] expected)
    {
        await AssertColumnsAsync(fixture.Db, $"out.{name}",
            "event_id bigint, name text, day date, at timestamp without time zone, ok boolean, score double precision, amount numeric");
        Exact.AssertEqual(Rows("event_id", [.. expected.Select(id => new object?[] { id })]),
            await fixture.Db.QueryAsync($"SELECT event_id FROM out.{name}"));
    }

    /// <summary>
    /// 5a.8 says no collation is emitted, and none is for equality or for any other type. The one
    /// collation cwf ever writes is PostgreSQL's binary <c>COLLATE "C"</c> on an ordering comparison
    /// of strings, so that <c>less than 'b'</c> means code-point order as on every other warehouse
    /// and in the interpreter (spec/canvas.md, wheresimplified; spec/equivalence.md).
    /// </summary>
    [Fact]
    public void Ordering_comparisons_of_strings_carry_only_the_binary_collation_on_postgres()
    {
        var c = new ProductCanvas("String ordering");
        var events = c.Source("src.events", "Events");
        var filter = c.Add("native.wheresimplified", "Before b", ("column", "name"), ("operator", "less than"), ("value", "b"));
        c.Connect(events, filter);
        c.Save(filter, "out.before_b");
        foreach (var dialect in Cwf.Emit.Dialects.Names.Where(n => n != "postgres"))
            Assert.DoesNotContain("COLLATE", CwfCli.Compile(c, dialect, CwfCli.Catalog(WhereSimplifiedFixture.Events)).Sql, StringComparison.OrdinalIgnoreCase);
        var postgres = CwfCli.Compile(c, "postgres", CwfCli.Catalog(WhereSimplifiedFixture.Events)).Sql;
        Assert.Contains("name COLLATE \"C\" < 'b'", postgres);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(postgres, "COLLATE"));
    }

    [Fact]
    public void No_collation_is_emitted()
    {
        Assert.DoesNotContain("COLLATE", fixture.Compiled.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("event_id", "greater than", "two")] // not numeric, on numeric columns
    [InlineData("event_id", "greater than", "3 items")]
    [InlineData("score", "greater than", "1.5.2")]
    [InlineData("amount", "greater than", "ten")]
    [InlineData("ok", "equal to", "yes")] // not of the column's type
    [InlineData("day", "equal to", "next week")]
    [InlineData("at", "equal to", "2024-13-45 99:00")]
    public void Value_that_is_not_of_the_columns_type_is_an_error(string column, string op, string value)
    {
        var c = new ProductCanvas("Bad simple filter");
        var events = c.Source("src.events", "Events");
        var filter = c.Add("native.wheresimplified", "Bad value", ("column", column), ("operator", op), ("value", value));
        c.Connect(events, filter);
        c.Save(filter, "out.bad");
        var r = CwfCli.Compile(c, "postgres", CwfCli.Catalog(WhereSimplifiedFixture.Events)).ExpectExit(1);
        Assert.Equal("", r.Output);
        r.Single("error", filter.Named, "'value'", $"'{value}'");
    }
}
