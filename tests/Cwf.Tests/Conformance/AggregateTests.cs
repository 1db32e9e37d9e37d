using Cwf.Tests.Infrastructure;
using static Cwf.Tests.Conformance.PgRun;

namespace Cwf.Tests.Conformance;

/// <summary>
/// Contract 5a.6 on PostgreSQL: <c>count</c> counts non-NULL values, <c>count_distinct</c> distinct
/// ones; <c>count</c> is int64, <c>sum</c> of an int64 stays int64 (not PostgreSQL's numeric), of a
/// float64 float64, <c>avg</c> float64, <c>min</c>/<c>max</c> the column's type; an empty group (all
/// NULL, or no rows at all for summarize) gives NULL, and count gives 0.
/// </summary>
public sealed class AggregateFixture : PgCanvasFixture
{
    internal static readonly TestTable Orders = TestTable.Create("src.orders",
        "order_id int64, region string, qty int64, price float64, placed date, total decimal",
        [1, "n", 2, 1.5, "2024-01-01", 10.25m],
        [2, "n", null, 2.5, null, null],
        [3, "s", 5, null, "2024-02-01", 1.5m],
        [4, "s", 5, null, null, null],
        [5, null, 1, 5.0, "2024-03-01", 2m],
        [6, "x", null, null, null, null]);

    internal static readonly TestTable NoOrders = TestTable.Create("src.no_orders",
        "order_id int64, region string, qty int64, price float64, placed date, total decimal");

    internal override TestTable[] Tables => [Orders, NoOrders];

    internal const string Aggregations =
        "qty,sum,qty,count,order_id,count,qty,avg,price,avg,price,sum,placed,min,placed,max,qty,count_distinct,price,max,qty,min,total,sum";

    internal const string AggregateColumns =
        "qty_sum bigint, qty_count bigint, order_id_count bigint, qty_avg double precision, price_avg double precision, " +
        "price_sum double precision, placed_min date, placed_max date, qty_count_distinct bigint, price_max double precision, " +
        "qty_min bigint, total_sum numeric";

    internal override ProductCanvas Canvas()
    {
        var c = new ProductCanvas("Aggregates");
        var orders = c.Source("src.orders", "Orders");
        var none = c.Source("src.no_orders", "No orders");

        var group = c.Add("native.groupby", "Per region", ("groupby", "region"), ("columns", Aggregations));
        c.Connect(orders, group);
        c.Save(group, "out.per_region");

        var all = c.Add("native.summarize", "Everything", ("columns", Aggregations));
        c.Connect(orders, all);
        c.Save(all, "out.summary");

        var emptyTable = c.Add("native.summarize", "Nothing at all", ("columns", Aggregations));
        c.Connect(none, emptyTable);
        c.Save(emptyTable, "out.summary_of_empty_table");

        var nothing = c.Add("native.where", "No row", ("expression", "qty > 1000"));
        c.Connect(orders, nothing);
        var emptyFilter = c.Add("native.summarize", "Nothing left", ("columns", "qty,count,qty,sum,price,avg"));
        c.Connect(nothing, emptyFilter);
        c.Save(emptyFilter, "out.summary_of_empty_filter");

        var emptyGroups = c.Add("native.groupby", "Groups of nothing", ("groupby", "region"), ("columns", "qty,count"));
        c.Connect(none, emptyGroups);
        c.Save(emptyGroups, "out.groups_of_empty_table");

        var twoKeys = c.Add("native.groupby", "Per region and qty", ("groupby", new[] { "region", "qty" }), ("columns", "order_id,count"));
        c.Connect(orders, twoKeys);
        c.Save(twoKeys, "out.per_region_qty");
        return c;
    }
}

[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public sealed class AggregateTests(AggregateFixture fixture) : IClassFixture<AggregateFixture>
{
    private PgDatabase Db => fixture.Db;

    private const string All = "qty_sum, qty_count, order_id_count, qty_avg, price_avg, price_sum, placed_min, placed_max, " +
        "qty_count_distinct, price_max, qty_min, total_sum";

    [Fact]
    public async Task Groupby_result_types_follow_the_contract()
    {
        await AssertColumnsAsync(Db, "out.per_region", "region text, " + AggregateFixture.AggregateColumns);
    }

    [Fact]
    public async Task Summarize_result_types_follow_the_contract()
    {
        await AssertColumnsAsync(Db, "out.summary", AggregateFixture.AggregateColumns);
        await AssertColumnsAsync(Db, "out.summary_of_empty_table", AggregateFixture.AggregateColumns);
    }

    [Fact]
    public async Task Groupby_counts_non_null_values_and_gives_null_for_an_all_null_group()
    {
        Exact.AssertEqual(Rows("region, " + All,
                ["n", 2L, 1L, 2L, 2.0, 2.0, 4.0, new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 1), 1L, 2.5, 2L, 10.25m],
                ["s", 10L, 2L, 2L, 5.0, null, null, new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 1), 1L, null, 5L, 1.5m],
                [null, 1L, 1L, 1L, 1.0, 5.0, 5.0, new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 1), 1L, 5.0, 1L, 2m],
                ["x", null, 0L, 1L, null, null, null, null, null, 0L, null, null, null]),
            await Db.ReadTableAsync("out.per_region"));
    }

    [Fact]
    public async Task Summarize_gives_one_row()
    {
        Exact.AssertEqual(Rows(All,
                [13L, 4L, 6L, 3.25, 3.0, 9.0, new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 1), 3L, 5.0, 1L, 13.75m]),
            await Db.ReadTableAsync("out.summary"));
    }

    [Fact]
    public async Task Summarize_of_an_empty_table_is_one_row_of_null_with_zero_counts()
    {
        Exact.AssertEqual(Rows(All, [null, 0L, 0L, null, null, null, null, null, 0L, null, null, null]),
            await Db.ReadTableAsync("out.summary_of_empty_table"));
        Exact.AssertEqual(Rows("qty_count, qty_sum, price_avg", [0L, null, null]),
            await Db.ReadTableAsync("out.summary_of_empty_filter"));
    }

    [Fact]
    public async Task Groupby_of_an_empty_table_has_no_rows()
    {
        await AssertColumnsAsync(Db, "out.groups_of_empty_table", "region text, qty_count bigint");
        Assert.Empty((await Db.ReadTableAsync("out.groups_of_empty_table")).Rows);
    }

    [Fact]
    public async Task Groupby_on_several_columns_groups_nulls_together()
    {
        await AssertColumnsAsync(Db, "out.per_region_qty", "region text, qty bigint, order_id_count bigint");
        Exact.AssertEqual(Rows("region, qty, order_id_count", ["n", 2L, 1L], ["n", null, 1L], ["s", 5L, 2L], [null, 1L, 1L], ["x", null, 1L]),
            await Db.ReadTableAsync("out.per_region_qty"));
    }
}
