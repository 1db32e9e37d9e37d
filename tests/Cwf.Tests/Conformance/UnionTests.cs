using Cwf.Tests.Infrastructure;
using static Cwf.Tests.Conformance.PgRun;

namespace Cwf.Tests.Conformance;

/// <summary>
/// Contract 5a.4: a union's columns are in its first input's order, the inputs ordered as their
/// edges appear in the <c>edges</c> array (not as the nodes do); later inputs are matched by name;
/// differing column sets or types are an error (exit code 1, nothing emitted).
/// </summary>
[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public sealed class UnionTests(PostgresServer server)
{
    private static readonly TestTable North = TestTable.Create("sales.north", "sale_id int64, region string, amount float64",
        [1, "north", 10.0], [2, "north", null]);

    private static readonly TestTable South = TestTable.Create("sales.south", "amount float64, sale_id int64, region string",
        [7.5, 10, "south"]);

    private static readonly TestTable West = TestTable.Create("sales.west", "region string, amount float64, sale_id int64",
        ["west", 3.0, 20], ["west", 3.0, 20]);

    /// <summary>Nodes in the order North, South, West; edges into the union in the order given.</summary>
    internal static ProductCanvas Build(params string[] edgeOrder)
    {
        var c = new ProductCanvas("Regional sales");
        var sources = new Dictionary<string, ProductCanvas.Node>
        {
            ["north"] = c.Source("sales.north", "North"),
            ["south"] = c.Source("sales.south", "South"),
            ["west"] = c.Source("sales.west", "West"),
        };
        var union = c.Add("native.unionall", "All regions");
        foreach (var name in edgeOrder) c.Connect(sources[name], union, "tables");
        c.Save(union, "out.all_sales");
        return c;
    }

    [Theory]
    [InlineData("south,north,west", "amount double precision, sale_id bigint, region text")]
    [InlineData("west,south,north", "region text, amount double precision, sale_id bigint")]
    [InlineData("north,west,south", "sale_id bigint, region text, amount double precision")]
    public async Task Columns_follow_the_input_of_the_first_edge_and_values_are_matched_by_name(string order, string columns)
    {
        await using var db = await server.CreateDatabaseAsync();
        await LoadAsync(db, North, South, West);
        await CompileAndRunAsync(db, Build(order.Split(',')), CwfCli.Catalog(North, South, West));
        await AssertColumnsAsync(db, "out.all_sales", columns);
        Exact.AssertEqual(Rows("sale_id, region, amount", [1L, "north", 10.0], [2L, "north", null], [10L, "south", 7.5], [20L, "west", 3.0], [20L, "west", 3.0]),
            await db.QueryAsync("SELECT sale_id, region, amount FROM out.all_sales"));
    }

    [Fact]
    public void The_edge_order_decides_even_when_the_edges_array_lists_other_edges_in_between()
    {
        var c = new ProductCanvas("Interleaved edges");
        var north = c.Source("sales.north", "North");
        var south = c.Source("sales.south", "South");
        var union = c.Add("native.unionall", "Both");
        var save = c.Add("native.saveastable", "Save", ("destination", "out.both"), ("append", false));
        c.Connect(union, save);
        c.Connect(south, union, "tables");
        c.Connect(north, union, "tables");
        var sql = CwfCli.Compile(c, "postgres", CwfCli.Catalog(North, South)).Sql;
        var select = sql[sql.IndexOf("CREATE TABLE out.\"both\"", StringComparison.Ordinal)..]; // BOTH is reserved: quoted
        Assert.True(select.IndexOf("amount", StringComparison.Ordinal) < select.IndexOf("sale_id", StringComparison.Ordinal), sql);
    }

    [Theory]
    [InlineData("sale_id int64, region string, amount float64, channel string", "channel")] // a column North lacks
    [InlineData("sale_id string, region string, amount float64", "sale_id")] // a column of another type
    public void Differing_column_sets_or_types_are_an_error_naming_the_node_and_the_column(string eastColumns, string named)
    {
        var east = TestTable.Create("sales.east", eastColumns);
        var c = new ProductCanvas("Mismatched union");
        var northNode = c.Source("sales.north", "North");
        var eastNode = c.Source("sales.east", "East");
        var union = c.Add("native.unionall", "Union of regions");
        c.Connect(northNode, union, "tables");
        c.Connect(eastNode, union, "tables");
        c.Save(union, "out.regions");
        var r = CwfCli.Compile(c, "postgres", CwfCli.Catalog(North, east)).ExpectExit(1);
        Assert.Equal("", r.Output);
        r.Single("error", union.Named, named);
    }
}
