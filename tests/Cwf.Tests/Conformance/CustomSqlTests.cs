using System.Text.Json.Nodes;
using Cwf.Tests.Infrastructure;
using static Cwf.Tests.Conformance.PgRun;

namespace Cwf.Tests.Conformance;

/// <summary>
/// Contract 5a.12 through the CLI and psql: <c>$a</c>, <c>$b</c>, <c>$c</c> stand wherever a table
/// name can (<c>FROM $a</c>, <c>FROM $a AS a</c>, joins of <c>$a</c> and <c>$b</c>, subqueries); the
/// output schema comes from <c>data.schema</c>, from analysing a plain SELECT, or is left open with a
/// warning (downstream columns then pass through unchecked).
/// </summary>
public sealed class CustomSqlFixture : PgCanvasFixture
{
    internal override TestTable[] Tables => CityData.All;

    internal static ProductCanvas.Node Open = null!;

    internal override ProductCanvas Canvas()
    {
        var c = new ProductCanvas("Custom SQL");
        var stores = c.Source("src.stores", "Stores");
        var districts = c.Source("src.districts", "Districts");
        var sensors = c.Source("src.sensors", "Sensors");

        ProductCanvas.Node Sql(string label, string sql, params ProductCanvas.Node[] inputs)
        {
            var node = c.Add("native.customsql", label, ("sql", sql));
            string[] handles = ["sourcea", "sourceb", "sourcec"];
            for (int i = 0; i < inputs.Length; i++) c.Connect(inputs[i], node, handles[i]);
            return node;
        }

        c.Save(Sql("Alias", "SELECT a.store_id, a.name FROM $a AS a WHERE a.revenue > 900", stores), "out.alias");
        c.Save(Sql("Bare alias", "SELECT s.store_id FROM $a s WHERE s.district_id = 1", stores), "out.bare_alias");
        c.Save(Sql("Join a and b",
            "SELECT a.store_id, b.name AS district FROM $a AS a JOIN $b AS b ON a.district_id = b.district_id", stores, districts), "out.join_ab");
        c.Save(Sql("Three inputs",
            "SELECT (SELECT count(*) FROM $a) AS stores, (SELECT count(*) FROM $b) AS districts, (SELECT count(*) FROM $c) AS sensors",
            stores, districts, sensors), "out.three");
        c.Save(Sql("Twice the same input", "SELECT x.store_id FROM $a x WHERE x.revenue = (SELECT max(revenue) FROM $a)", stores), "out.twice");
        c.Save(Sql("Lower case keywords", "select store_id, upper(name) as shout from $a where name is not null", stores), "out.lower");

        // Declared schema: a downstream component may use the declared column.
        var declared = Sql("Declared", "SELECT store_id, revenue * 2 AS doubled FROM $a", stores);
        c.NodeJson(declared.Id)["data"]!["schema"] = new JsonArray(
            new JsonObject { ["name"] = "store_id", ["type"] = "int64" }, new JsonObject { ["name"] = "doubled", ["type"] = "float64" });
        var filter = c.Add("native.wheresimplified", "Doubled over 2000", ("column", "doubled"), ("operator", "greater than"), ("value", "2000"));
        c.Connect(declared, filter);
        c.Save(filter, "out.declared");

        // Analysed schema: a plain SELECT whose columns resolve; downstream uses one.
        var analysed = Sql("Analysed", "SELECT store_id, name AS label FROM $a WHERE store_id < 4", stores);
        var order = c.Add("native.orderby", "By label", ("column", "label"), ("direction", "Descending"));
        c.Connect(analysed, order);
        c.Save(order, "out.analysed");

        // Open schema: columns cannot be resolved; a downstream component's column passes unchecked.
        Open = Sql("Series", "SELECT g AS n FROM generate_series(1, 3) AS t(g) CROSS JOIN (SELECT 1 FROM $a LIMIT 1) AS one", stores);
        var openFilter = c.Add("native.wheresimplified", "n over 1", ("column", "n"), ("operator", "greater than"), ("value", "1"));
        c.Connect(Open, openFilter);
        c.Save(openFilter, "out.open");
        return c;
    }
}

[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public sealed class CustomSqlTests(CustomSqlFixture fixture) : IClassFixture<CustomSqlFixture>
{
    private PgDatabase Db => fixture.Db;

    [Fact]
    public async Task From_input_with_an_alias()
    {
        Exact.AssertEqual(Rows("store_id, name", [1L, "Alpha"], [2L, "Beta"]), await Db.ReadTableAsync("out.alias"));
        Exact.AssertEqual(Rows("store_id", [1L], [2L]), await Db.ReadTableAsync("out.bare_alias"));
    }

    [Fact]
    public async Task Join_of_two_inputs()
    {
        await AssertColumnsAsync(Db, "out.join_ab", "store_id bigint, district text");
        Exact.AssertEqual(Rows("store_id, district", [1L, "Center"], [2L, "Center"], [3L, "East"]), await Db.ReadTableAsync("out.join_ab"));
    }

    [Fact]
    public async Task Three_inputs_in_subqueries()
    {
        Exact.AssertEqual(Rows("stores, districts, sensors", [5L, 3L, 2L]), await Db.ReadTableAsync("out.three"));
    }

    [Fact]
    public async Task The_same_input_twice()
    {
        Exact.AssertEqual(Rows("store_id", [2L]), await Db.ReadTableAsync("out.twice"));
        Exact.AssertEqual(Rows("store_id, shout", [1L, "ALPHA"], [2L, "BETA"], [3L, "GAMMA"], [5L, "EPSILON"]), await Db.ReadTableAsync("out.lower"));
    }

    [Fact]
    public async Task Declared_schema_feeds_downstream_components()
    {
        await AssertColumnsAsync(Db, "out.declared", "store_id bigint, doubled double precision");
        Exact.AssertEqual(Rows("store_id", [2L]), await Db.QueryAsync("SELECT store_id FROM out.declared"));
    }

    [Fact]
    public async Task Analysed_schema_feeds_downstream_components()
    {
        await AssertColumnsAsync(Db, "out.analysed", "store_id bigint, label text");
        Exact.AssertEqual(Rows("label", ["Gamma"], ["Beta"], ["Alpha"]), await Db.QueryAsync("SELECT label FROM out.analysed"));
    }

    [Fact]
    public async Task Open_schema_passes_downstream_columns_unchecked_with_a_warning()
    {
        Exact.AssertEqual(Rows("n", [2], [3]), await Db.QueryAsync("SELECT n FROM out.open"));
        Assert.Contains(fixture.Compiled.Warnings, w => w.Contains(CustomSqlFixture.Open.Named, StringComparison.Ordinal));
    }

    [Fact]
    public void Placeholder_of_an_unconnected_input_is_an_error()
    {
        var c = new ProductCanvas("Missing b");
        var stores = c.Source("src.stores", "Stores");
        var sql = c.Add("native.customsql", "Needs b", ("sql", "SELECT a.store_id FROM $a a JOIN $b b ON a.store_id = b.store_id"));
        c.Connect(stores, sql, "sourcea");
        c.Save(sql, "out.x");
        var r = CwfCli.Compile(c, "postgres", CwfCli.Catalog(CityData.All)).ExpectExit(1);
        Assert.Equal("", r.Output);
        r.Single("error", sql.Named, "sourceb");
    }
}
