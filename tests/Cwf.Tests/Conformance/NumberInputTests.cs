using System.Text.Json.Nodes;
using Cwf.Tests.Infrastructure;
using static Cwf.Tests.Conformance.PgRun;

namespace Cwf.Tests.Conformance;

/// <summary>
/// Contract 5a.10 (and section 4): Number inputs take numbers or numeric strings; an integer input
/// (<c>limit</c>, <c>resolution</c>) takes integral values such as <c>10</c>, <c>"10.0"</c> or
/// <c>10.0</c> and rejects <c>"10.5"</c> and <c>"500m"</c> with an error naming node, input and value.
/// </summary>
public sealed class NumberInputFixture : PgCanvasFixture
{
    internal override TestTable[] Tables => CityData.All;

    internal static readonly (string Name, JsonNode Limit)[] Limits =
    [
        ("number", JsonValue.Create(3)),
        ("string", JsonValue.Create("3")),
        ("string_point_zero", JsonValue.Create("3.0")),
        ("number_point_zero", JsonNode.Parse("3.0")!),
        ("padded", JsonValue.Create(" 3 ")),
        ("zero", JsonValue.Create("0")),
        ("large", JsonValue.Create("1e2")),
    ];

    internal override ProductCanvas Canvas()
    {
        var c = new ProductCanvas("Numbers");
        var stores = c.Source("src.stores", "Stores");
        var order = c.Add("native.orderby", "By id", ("column", "store_id"), ("direction", "Ascending"));
        c.Connect(stores, order);
        foreach (var (name, value) in Limits)
        {
            var limit = c.Add("native.limit", $"Limit {name}", ("limit", value));
            c.Connect(order, limit);
            c.Save(limit, $"out.limit_{name}");
        }
        var numberDistance = c.Add("native.buffer", "Number distance", ("geo", "geom"), ("distance", 250), ("units", "Meters"));
        c.Connect(stores, numberDistance);
        c.Save(numberDistance, "out.buffer_number");
        var textDistance = c.Add("native.buffer", "Text distance", ("geo", "geom"), ("distance", "0.25"), ("units", "Kilometers"));
        c.Connect(stores, textDistance);
        c.Save(textDistance, "out.buffer_text");
        return c;
    }
}

[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public sealed class NumberInputTests(NumberInputFixture fixture) : IClassFixture<NumberInputFixture>
{
    [Theory]
    [InlineData("number", 3)]
    [InlineData("string", 3)]
    [InlineData("string_point_zero", 3)]
    [InlineData("number_point_zero", 3)]
    [InlineData("padded", 3)]
    [InlineData("zero", 0)]
    [InlineData("large", 5)]
    public async Task Integer_input_accepts_integral_values(string name, int rows)
    {
        await AssertColumnsAsync(fixture.Db, $"out.limit_{name}", CityData.StoreColumns);
        Exact.AssertEqual(Rows("store_id", [.. Enumerable.Range(1, rows).Select(i => new object?[] { (long)i })]),
            await fixture.Db.QueryAsync($"SELECT store_id FROM out.limit_{name}"));
    }

    [Fact]
    public async Task Number_and_numeric_string_give_the_same_buffer()
    {
        var same = await fixture.Db.QueryAsync(
            "SELECT n.store_id, ST_Equals(n.geom_buffer, t.geom_buffer) AS same FROM out.buffer_number n JOIN out.buffer_text t USING (store_id)");
        Exact.AssertEqual(Rows("store_id, same", [1L, true], [2L, true], [3L, true], [4L, null], [5L, true]), same);
    }

    private static CwfCli.Result Rejected(string component, string input, object value, params (string, object?)[] others)
    {
        var c = new ProductCanvas($"Rejected {component}");
        var stores = c.Source("src.stores", "Stores");
        var node = c.Add(component, "Bad number", [(input, value), .. others]);
        c.Connect(stores, node);
        c.Save(node, "out.bad");
        var r = CwfCli.Compile(c, "postgres", CwfCli.Catalog(CityData.All)).ExpectExit(1);
        Assert.Equal("", r.Output);
        r.Single("error", node.Named, $"'{input}'", $"{value}");
        return r;
    }

    [Theory]
    [InlineData("10.5")]
    [InlineData("500m")]
    [InlineData("-1")]
    [InlineData("ten")]
    public void Limit_rejects_what_is_not_a_whole_number_of_rows(string value) => Rejected("native.limit", "limit", value);

    [Fact]
    public void Limit_rejects_a_fractional_json_number() => Rejected("native.limit", "limit", 10.5);

    [Theory]
    [InlineData("7.5")]
    [InlineData("16")]
    [InlineData("x7")]
    public void H3_resolution_rejects_what_is_not_a_whole_number_from_0_to_15(string value) =>
        Rejected("native.h3frompoint", "resolution", value, ("pointscol", "geom"));

    [Theory]
    [InlineData("7.0")]
    [InlineData(7)]
    public void H3_resolution_accepts_an_integral_value(object value)
    {
        var c = new ProductCanvas("H3 resolution");
        var stores = c.Source("src.stores", "Stores");
        var h3 = c.Add("native.h3frompoint", "Cells", ("pointscol", "geom"), ("resolution", value));
        c.Connect(stores, h3);
        c.Save(h3, "out.cells");
        var r = CwfCli.Compile(c, "bigquery", CwfCli.Catalog(CityData.All)).ExpectExit(0);
        Assert.Contains(", 7)", r.Output);
    }

    [Theory]
    [InlineData("500m")]
    [InlineData("1.2.3")]
    public void Buffer_distance_rejects_text(string value) => Rejected("native.buffer", "distance", value, ("geo", "geom"), ("units", "Meters"));
}
