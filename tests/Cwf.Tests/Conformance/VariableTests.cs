using Cwf.Tests.Infrastructure;
using static Cwf.Tests.Conformance.PgRun;

namespace Cwf.Tests.Conformance;

/// <summary>
/// Contract 5a.7 through the CLI and psql: <c>{{@x}}</c> is replaced textually in any value (Number
/// inputs, a table name, a simple filter's value) before it is read; in StringSql <c>@x</c> is a typed
/// literal (a String variable a quoted, escaped string literal, a Number a numeric literal).
/// </summary>
public sealed class VariableFixture : PgCanvasFixture
{
    internal static readonly TestTable People = TestTable.Create("src.people", "person_id int64, name string, score float64",
        [1, "O'Brien", 10.0], [2, "Smith", 950.0], [3, "Back\\slash", null], [4, "@who", 500.0], [5, "Lee", 20.0]);

    internal override TestTable[] Tables => [People];

    internal override ProductCanvas Canvas()
    {
        var c = new ProductCanvas("Variables")
            .Variable("who", "String", "O'Brien", isPublic: true)
            .Variable("slash", "String", "Back\\slash")
            .Variable("cutoff", "Number", 900)
            .Variable("rows", "Number", "2")
            .Variable("radius", "Number", 100)
            .Variable("suffix", "String", "v2");
        var people = c.Source("src.people", "People");

        var byName = c.Add("native.where", "Named by variable", ("expression", "name = @who OR name = @slash"));
        c.Connect(people, byName);
        c.Save(byName, "out.by_name");

        var byScore = c.Add("native.where", "Above cutoff", ("expression", "score > @cutoff"));
        c.Connect(people, byScore);
        c.Save(byScore, "out.by_score");

        var literal = c.Add("native.where", "At sign in a string", ("expression", "name = '@who' OR name = 'x@who'"));
        c.Connect(people, literal);
        c.Save(literal, "out.literal_at");

        var braced = c.Add("native.where", "Braced in sql", ("expression", "score > {{@cutoff}}"));
        c.Connect(people, braced);
        c.Save(braced, "out.braced_sql");

        var flag = c.Add("native.selectexpression", "Flag", ("column", "who"), ("expression", "@who"));
        c.Connect(people, flag);
        c.Save(flag, "out.flagged");

        var order = c.Add("native.orderby", "By id", ("column", "person_id"), ("direction", "Ascending"));
        c.Connect(people, order);
        var limit = c.Add("native.limit", "First rows", ("limit", "{{@rows}}"));
        c.Connect(order, limit);
        c.Save(limit, "out.first_{{@suffix}}");

        var simple = c.Add("native.wheresimplified", "Equal to variable", ("column", "name"), ("operator", "equal to"), ("value", "{{@who}}"));
        c.Connect(people, simple);
        c.Save(simple, "out.simple_name");

        var simpleNumber = c.Add("native.wheresimplified", "Score over variable", ("column", "score"), ("operator", "greater than"), ("value", "{{@rows}}0"));
        c.Connect(people, simpleNumber);
        c.Save(simpleNumber, "out.simple_score");

        var points = c.Add("native.selectexpression", "Point", ("column", "geom"), ("expression", "ST_SetSRID(ST_MakePoint(0, 0), 4326)"));
        c.Connect(people, points);
        var buffer = c.Add("native.buffer", "Radius buffer", ("geo", "geom"), ("distance", "{{@radius}}"), ("units", "Meters"));
        c.Connect(points, buffer);
        c.Save(buffer, "out.buffered");
        return c;
    }
}

[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public sealed class VariableTests(VariableFixture fixture) : IClassFixture<VariableFixture>
{
    private PgDatabase Db => fixture.Db;

    [Fact]
    public async Task String_variable_in_sql_is_an_escaped_string_literal()
    {
        Exact.AssertEqual(Rows("person_id", [1L], [3L]), await Db.QueryAsync("SELECT person_id FROM out.by_name"));
        Exact.AssertEqual(Rows("who", ["O'Brien"]), await Db.QueryAsync("SELECT DISTINCT who FROM out.flagged"));
        await AssertColumnsAsync(Db, "out.flagged", "person_id bigint, name text, score double precision, who text");
    }

    [Fact]
    public async Task Number_variable_in_sql_is_a_numeric_literal()
    {
        Exact.AssertEqual(Rows("person_id", [2L]), await Db.QueryAsync("SELECT person_id FROM out.by_score"));
    }

    [Fact]
    public async Task At_sign_inside_a_string_literal_is_not_a_variable()
    {
        Exact.AssertEqual(Rows("person_id", [4L]), await Db.QueryAsync("SELECT person_id FROM out.literal_at"));
    }

    [Fact]
    public async Task Braced_reference_in_sql_is_replaced_textually()
    {
        Exact.AssertEqual(Rows("person_id", [2L]), await Db.QueryAsync("SELECT person_id FROM out.braced_sql"));
    }

    [Fact]
    public async Task Braced_reference_in_a_number_input_and_in_a_table_name()
    {
        Exact.AssertEqual(Rows("person_id", [1L], [2L]), await Db.QueryAsync("SELECT person_id FROM out.first_v2"));
    }

    [Fact]
    public async Task Braced_reference_in_a_simple_filter_value_is_typed_by_the_column()
    {
        Exact.AssertEqual(Rows("person_id", [1L]), await Db.QueryAsync("SELECT person_id FROM out.simple_name"));
        // "{{@rows}}0" reads as 20: replaced textually before the number is read.
        Exact.AssertEqual(Rows("person_id", [2L], [4L]), await Db.QueryAsync("SELECT person_id FROM out.simple_score"));
    }

    [Fact]
    public async Task Braced_reference_in_a_buffer_distance()
    {
        // A 100 m buffer around (0, 0): about 31,400 m² (geodesic).
        Measured.AssertEqual(Rows("area", [31_400.0]),
            await Db.QueryAsync("SELECT DISTINCT round(ST_Area(geom_buffer::geography) / 100) * 100 AS area FROM out.buffered"));
    }

    [Fact]
    public void Unknown_variable_is_an_error_naming_node_input_and_variable()
    {
        var c = new ProductCanvas("Unknown variable").Variable("rows", "Number", 2);
        var people = c.Source("src.people", "People");
        var limit = c.Add("native.limit", "First rows", ("limit", "{{@rowz}}"));
        c.Connect(people, limit);
        c.Save(limit, "out.x");
        var r = CwfCli.Compile(c, "postgres", CwfCli.Catalog(VariableFixture.People)).ExpectExit(1);
        Assert.Equal("", r.Output);
        r.Single("error", "CWF3030", limit.Named, "'limit'", "rowz");
    }
}
