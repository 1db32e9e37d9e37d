using Cwf.Emit;
using Cwf.Ir;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Canvas;

/// <summary>
/// Every spatial and relational example compiled for PostgreSQL, run with psql (ON_ERROR_STOP) on
/// the test PostGIS server over the test data its README lists, and checked against the rows the
/// README promises.
/// </summary>
[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public class CanvasPostgisTests(PostgresServer server)
{
    private static readonly RowSetComparison Exact = RowSetComparison.Default;
    private static readonly RowSetComparison Ordered = RowSetComparison.Default with { OrderSensitive = true };
    private static readonly RowSetComparison Measured = RowSetComparison.Default with { RelativeTolerance = 0.005 };

    /// <summary>Imports and compiles the example for PostgreSQL, loads the tables into a new database and runs the script.</summary>
    private async Task<PgDatabase> RunAsync(string example, params TestTable[] tables)
    {
        var imported = CanvasTestKit.ImportExample(example);
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        var emitted = SqlEmitter.Emit(imported.Workflow!, Dialects.Find("postgres")!);
        Assert.True(emitted.Succeeded, CanvasTestKit.Describe(emitted.Diagnostics));
        var db = await server.CreateDatabaseAsync(example);
        foreach (var table in tables) await db.LoadTableAsync(table);
        var run = await db.RunPsqlAsync(emitted.Sql!);
        Assert.True(run.Succeeded, run.StandardError + "\n" + emitted.Sql);
        return db;
    }

    private static RowSet Rows(string columns, params object?[][] rows) => RowSet.Of(columns.Split(", "), rows);

    [Fact]
    public async Task School_buffers()
    {
        await using var db = await RunAsync("school_buffers",
            TestTable.Create("src.schools", "school_id int64, name string, students int64, geom geography",
                [1, "Central High", 800, "POINT (-73.985 40.758)"],
                [2, "Small School", 300, "POINT (-73.990 40.760)"],
                [3, "No Count", null, "POINT (-73.970 40.740)"],
                [4, "Exactly 500", 500, "POINT (-73.960 40.770)"]));
        Exact.AssertEqual(Rows("school_id, name, students, geom", [1L, "Central High", 800L, RowSet.Geo("POINT (-73.985 40.758)")]),
            await db.QueryAsync("SELECT school_id, name, students, geom FROM out.large_school_zones"));
        // A geodesic 300 m buffer: a polygon of about that radius (curves are segmented, contract 5a.3).
        Measured.AssertEqual(Rows("radius", [300.0]),
            await db.QueryAsync("SELECT sqrt(ST_Area(geom_buffer::geography) / pi()) AS radius FROM out.large_school_zones"));
        Exact.AssertEqual(Rows("srid", [4326]), await db.QueryAsync("SELECT ST_SRID(geom_buffer) AS srid FROM out.large_school_zones"));
    }

    [Fact]
    public async Task Trips_in_boroughs()
    {
        await using var db = await RunAsync("trips_in_boroughs",
            TestTable.Create("src.trips", "trip_id int64, start_lat float64, start_lon float64, fare float64",
                [1, 0.5, 0.5, 10.0], [2, 1.5, 1.5, 12.5], [3, 5.0, 5.0, 7.0], [4, null, 0.5, 3.0]),
            TestTable.Create("src.boroughs", "borough_id int64, name string, geom geography",
                [1, "West", "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))"],
                [2, "Overlap", "POLYGON ((1 1, 3 1, 3 3, 1 3, 1 1))"]));
        Exact.AssertEqual(Rows("trip_id, start_lat, start_lon, fare", [1L, 0.5, 0.5, 10.0], [2L, 1.5, 1.5, 12.5]),
            await db.QueryAsync("SELECT trip_id, start_lat, start_lon, fare FROM out.trips_in_boroughs"));
        Exact.AssertEqual(Rows("trip_id, has_geom", [3L, true], [4L, false]),
            await db.QueryAsync("SELECT trip_id, geom IS NOT NULL AS has_geom FROM out.trips_outside"));
    }

    [Fact]
    public async Task Order_totals_by_category()
    {
        await using var db = await RunAsync("order_totals_by_category",
            TestTable.Create("src.order_lines", "line_id int64, product_id int64, quantity int64, unit_price float64",
                [1, 10, 2, 5.0], [2, 11, 1, 20.0], [3, 12, 3, 1.5], [4, 99, 1, 100.0]),
            TestTable.Create("src.products", "product_id int64, name string, category string",
                [10, "Pen", "office"], [11, "Lamp", "home"], [12, "Clip", "office"]));
        Ordered.AssertEqual(Rows("category_joined, line_total_sum, line_id_count", ["home", 20.0, 1L], ["office", 14.5, 2L]),
            await db.ReadTableAsync("out.category_totals"));
    }

    [Fact]
    public async Task Store_trade_areas()
    {
        await using var db = await RunAsync("store_trade_areas",
            TestTable.Create("src.stores", "store_id int64, name string, revenue float64, geom geography",
                [1, "Flagship", 2_500_000.0, "POINT (0 0)"], [2, "Corner", 400_000.0, "POINT (0.001 0.001)"], [3, "Outlet", 1_000_000.0, "POINT (1 1)"]),
            TestTable.Create("src.census_blocks", "block_id int64, population int64, geom geography",
                [100, 500, "POLYGON ((0.005 0.005, 0.006 0.005, 0.006 0.006, 0.005 0.006, 0.005 0.005))"],
                [101, 700, "POLYGON ((-0.01 -0.01, -0.009 -0.01, -0.009 -0.009, -0.01 -0.009, -0.01 -0.01))"],
                [102, 900, "POLYGON ((0.5 0.5, 0.6 0.5, 0.6 0.6, 0.5 0.6, 0.5 0.5))"],
                [103, 50, "POLYGON ((1.001 1.001, 1.002 1.001, 1.002 1.002, 1.001 1.002, 1.001 1.001))"]));
        Ordered.AssertEqual(Rows("store_id, name, population_joined_sum, block_id_joined_count", [1L, "Flagship", 1200L, 2L], [3L, "Outlet", 50L, 1L]),
            await db.ReadTableAsync("out.store_reach"));
    }

    [Fact]
    public async Task Customer_cleanup()
    {
        var customers = TestTable.Create("src.customers", "customer_id int64, first_name string, last_name string, email string, signup_date date, phone string, notes string",
            [1, "Ann", "Lee", "Ann@Example.com", "2024-01-05", "555-1", "vip"],
            [1, "Ann", "Lee", "ann@example.com", "2024-01-05", "555-1", "dup"],
            [2, "Bo", "Kim", null, "2024-02-01", "555-2", null],
            [3, "Cy", "Ng", "cy@example.com", null, null, null]);
        var existing = TestTable.Create("out.customers_clean", "customer_id int64, first_name string, last_name string, email string, signup_date date, phone_number string",
            [0, "Old", "Row", "old@example.com", "2020-01-01", "555-0"]);
        await using var db = await RunAsync("customer_cleanup", customers, existing);
        Exact.AssertEqual(Rows("customer_id, first_name, last_name, email, signup_date, phone_number",
                [0L, "Old", "Row", "old@example.com", new DateOnly(2020, 1, 1), "555-0"],
                [1L, "Ann", "Lee", "ann@example.com", new DateOnly(2024, 1, 5), "555-1"],
                [3L, "Cy", "Ng", "cy@example.com", null, null]),
            await db.ReadTableAsync("out.customers_clean"));
        Exact.AssertEqual(Rows("customer_id, first_name, last_name, signup_date, phone_number", [2L, "Bo", "Kim", new DateOnly(2024, 2, 1), "555-2"]),
            await db.ReadTableAsync("out.customers_without_email"));
    }

    [Fact]
    public async Task Regional_sales_union()
    {
        await using var db = await RunAsync("regional_sales_union",
            TestTable.Create("src.sales_north", "sale_id int64, region string, amount float64, sold_on date",
                [1, "north", 10.0, "2024-01-01"], [2, "north", 5.0, "2024-01-03"], [3, "north", -1.0, "2024-01-09"]),
            TestTable.Create("src.sales_south", "amount float64, sale_id int64, sold_on date, region string",
                [7.5, 10, "2024-02-01", "south"], [null, 11, "2024-02-05", "south"], [7.5, 10, "2024-02-01", "south"]),
            TestTable.Create("src.sales_west", "sale_id int64, region string, amount float64, sold_on date"));
        Ordered.AssertEqual(Rows("region, amount_sum, amount_min, sale_id_count_distinct, sold_on_max",
                ["north", 15.0, 5.0, 2L, new DateOnly(2024, 1, 3)],
                ["south", 15.0, 7.5, 1L, new DateOnly(2024, 2, 1)]),
            await db.ReadTableAsync("out.sales_by_region"));
    }

    [Fact]
    public async Task Parcels_custom_sql()
    {
        await using var db = await RunAsync("parcels_custom_sql",
            TestTable.Create("src.parcels", "parcel_id int64, zoning string, geom geography",
                [1, "residential", "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"],
                [2, "commercial", "POLYGON ((5 5, 6 5, 6 6, 5 6, 5 5))"],
                [3, "residential", "POLYGON ((0.5 0.5, 2 0.5, 2 2, 0.5 2, 0.5 0.5))"]),
            TestTable.Create("src.flood_zones", "zone_id int64, risk string, geom geography",
                [1, "high", "POLYGON ((0.9 0.9, 3 0.9, 3 3, 0.9 3, 0.9 0.9))"],
                [2, "low", "POLYGON ((4 4, 7 4, 7 7, 4 7, 4 4))"],
                [3, "high", "POLYGON ((1.5 1.5, 1.8 1.5, 1.8 1.8, 1.5 1.8, 1.5 1.5))"]));
        Ordered.AssertEqual(Rows("parcel_id, zoning, risk", [1L, "residential", "high"], [3L, "residential", "high"], [3L, "residential", "high"]),
            await db.ReadTableAsync("out.parcels_at_risk"));
        Exact.AssertEqual(Rows("zoning, parcels", ["commercial", 1L], ["residential", 2L]), await db.ReadTableAsync("out.zoning_summary"));
    }

    [Fact]
    public async Task Delivery_zones_variables()
    {
        await using var db = await RunAsync("delivery_zones_variables",
            TestTable.Create("src.deliveries", "delivery_id int64, region string, orders int64, lat float64, lon float64",
                [1, "north", 12, 40.0, -74.0], [2, "north", 3, 40.1, -74.1], [3, "south", 50, 39.0, -75.0], [4, "north", 10, 40.2, -74.2]));
        Exact.AssertEqual(Rows("delivery_id, region, orders, geom", [1L, "north", 12L, RowSet.Geo("POINT (-74 40)")], [4L, "north", 10L, RowSet.Geo("POINT (-74.2 40.2)")]),
            await db.QueryAsync("SELECT delivery_id, region, orders, geom FROM out.delivery_zones_v2"));
        Measured.AssertEqual(Rows("radius", [500.0], [500.0]),
            await db.QueryAsync("SELECT sqrt(ST_Area(geom_buffer::geography) / pi()) AS radius FROM out.delivery_zones_v2"));
    }

    [Fact]
    public async Task Park_playgrounds()
    {
        await using var db = await RunAsync("park_playgrounds",
            TestTable.Create("src.parks", "park_id int64, name string, opened_on date, geom geography",
                [1, "Big Park", "2005-06-01", "POLYGON ((0 0, 0.01 0, 0.01 0.01, 0 0.01, 0 0))"],
                [2, "Small Park", "2000-01-01", "POLYGON ((1 1, 1.001 1, 1.001 1.001, 1 1.001, 1 1))"],
                [3, "Old Park", "1950-01-01", "POLYGON ((2 2, 2.02 2, 2.02 2.02, 2 2.02, 2 2))"],
                [4, "Empty Park", "2010-01-01", "POLYGON ((3 3, 3.01 3, 3.01 3.01, 3 3.01, 3 3))"]),
            TestTable.Create("src.playgrounds", "playground_id int64, geom geography",
                [1, "POINT (0.005 0.005)"], [2, "POINT (0.002 0.008)"], [3, "POINT (1.0005 1.0005)"], [4, "POINT (2.01 2.01)"]));
        var result = await db.ReadTableAsync("out.park_playgrounds");
        Ordered.AssertEqual(Rows("park_id, name, playground_id_joined_count", [1L, "Big Park", 2L], [2L, "Small Park", 1L]),
            await db.QueryAsync("SELECT park_id, name, playground_id_joined_count FROM out.park_playgrounds ORDER BY geom_area DESC"));
        // About 1.11 km x 1.11 km at the equator.
        Measured.AssertEqual(Rows("geom_area", [1_230_000.0]), await db.QueryAsync("SELECT round(geom_area / 10000) * 10000 AS geom_area FROM out.park_playgrounds WHERE park_id = 1"));
        Assert.Equal(2, result.Count);
    }

    [Fact]
    public async Task Warehouse_distances()
    {
        await using var db = await RunAsync("warehouse_distances",
            TestTable.Create("src.customer_sites", "customer_id int64, warehouse_id int64, geom geography",
                [1, 1, "POINT (0 1)"], [2, 1, "POINT (0 0.5)"], [3, 9, "POINT (5 5)"]),
            TestTable.Create("src.warehouses", "warehouse_id int64, name string, geom geography", [1, "Depot", "POINT (0 0)"]));
        // One degree of latitude at the equator is 110,574 m = 68.71 miles (geodesic, WGS84).
        Measured.AssertEqual(Rows("distance_avg, distance_max, customer_id_count", [51.53, 68.71, 3L]),
            await db.ReadTableAsync("out.delivery_distance_summary"));
    }

    [Fact]
    public async Task Fleet_recent_speeds()
    {
        await using var db = await RunAsync("fleet_recent_speeds",
            TestTable.Create("SRC.VEHICLE_PINGS", "ping_id int64, vehicle_id int64, pinged_at timestamp, speed_kmh float64, lat float64, lon float64",
                [1, 7, "2024-05-01 11:00:00", 50.0, 52.5, 13.4], [2, 7, "2024-05-01 12:30:00", 80.4672, 52.51, 13.41], [3, 8, "2024-05-01 13:00:00", null, 52.52, 13.42]));
        Ordered.AssertEqual(Rows("ping_id, speed_mph", [3L, null], [2L, 50.0]),
            await db.QueryAsync("SELECT \"ping_id\", \"speed_mph\" FROM \"OUT\".\"RECENT_SPEEDS\" ORDER BY \"pinged_at\" DESC"));
    }

    [Fact]
    public void Opaque_and_h3_examples_are_refused_by_the_postgres_backend_with_a_diagnostic()
    {
        foreach (var example in new[] { "fire_station_isolines" })
        {
            var emitted = SqlEmitter.Emit(CanvasTestKit.ImportExample(example).Workflow!, Dialects.Find("postgres")!);
            Assert.False(emitted.Succeeded);
            Assert.Contains(emitted.Diagnostics, d => d.IsError && d.Message.Contains("native.isolines"));
        }
    }
}
