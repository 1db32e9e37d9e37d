using Cwf.Emit.Scripts;
using System.Collections.Immutable;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Planning;
using Cwf.Tests.Infrastructure;
using static Cwf.Ir.ExprFactory;
using F = Cwf.Ir.Functions;

namespace Cwf.Tests.Emit;

/// <summary>
/// The PostgreSQL/PostGIS output runs with <c>psql -v ON_ERROR_STOP=1</c> on a real server,
/// creates or fills every output table, and computes what the IR means, NULLs and real
/// geographies included.
/// </summary>
[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public sealed class PostgresExecutionTests(PostgresServer server)
{
    private static Dialect Postgres => Dialects.Find("postgres")!;

    private static async Task<string> RunAsync(PgDatabase db, Workflow workflow, EmitOptions? options = null)
    {
        var result = SqlEmitter.Emit(workflow, Postgres, options);
        Assert.True(result.Sql is not null, string.Join("\n", result.Diagnostics));
        (await db.RunPsqlAsync(result.Sql!)).EnsureSucceeded();
        return result.Sql!;
    }

    private async Task<PgDatabase> DatabaseAsync(params TestTable[] tables)
    {
        var db = await server.CreateDatabaseAsync();
        foreach (var table in tables) await db.LoadTableAsync(table);
        return db;
    }

    [Fact]
    public async Task The_relational_sample_creates_and_fills_every_output()
    {
        await using var db = await DatabaseAsync(EmitData.Orders(), EmitData.Customers(), EmitData.TopOrders());
        await RunAsync(db, EmitSamples.Relational());
        foreach (var (table, expected) in EmitData.RelationalOutputs())
            RowSetAssert.Equal(expected, await db.ReadTableAsync(table));

        var types = await db.QueryAsync("""
            SELECT column_name::text AS name, data_type::text AS type FROM information_schema.columns
            WHERE table_schema = 'analytics' AND table_name IN ('orders_by_region', 'order_summary')
            """);
        RowSetAssert.Equal(RowSet.Of(["name", "type"],
            ["region_joined", "text"], ["unit_price_sum", "double precision"], ["id_count", "bigint"], ["customer_id_count_distinct", "bigint"], ["rows", "bigint"],
            ["quantity_sum", "bigint"], ["quantity_avg", "double precision"], ["amount_min", "double precision"], ["amount_max", "double precision"]), types);
    }

    [Fact]
    public async Task Running_the_script_twice_replaces_and_appends()
    {
        await using var db = await DatabaseAsync(EmitData.Orders(), EmitData.Customers(), EmitData.TopOrders());
        await RunAsync(db, EmitSamples.Relational());
        await RunAsync(db, EmitSamples.Relational());
        Assert.Equal(1, (await db.ReadTableAsync("analytics.orders_by_region")).Count);
        Assert.Equal(10, (await db.ReadTableAsync("analytics.top_orders")).Count);
    }

    [Fact]
    public async Task A_failing_output_rolls_the_whole_script_back()
    {
        await using var db = await DatabaseAsync(EmitData.Orders(), EmitData.Customers(), TestTable.Create("analytics.top_orders", "id int64"));
        // analytics.top_orders lacks the appended columns: the append fails, and the outputs written before it are rolled back.
        var result = await db.RunPsqlAsync(SqlEmitter.Emit(EmitSamples.Relational(), Postgres).Sql!);
        Assert.False(result.Succeeded);
        Assert.Contains("column \"customer_id\" of relation \"top_orders\" does not exist", result.StandardError);
        Assert.False(await db.TableExistsAsync("analytics.orders_by_region"));
    }

    [Fact]
    public async Task An_append_creates_its_missing_table_with_the_output_types()
    {
        await using var db = await DatabaseAsync(EmitData.Places(), EmitData.Zones());
        await RunAsync(db, SpatialWithoutH3());
        RowSetAssert.Equal(RowSet.Of(["id"], [2L], [3L], [5L]), await db.QueryAsync("SELECT id FROM geo.outside"));
        RowSetAssert.Equal(RowSet.Of(["type"], ["geometry(Geometry,4326)"]), await db.QueryAsync(
            "SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = 'geo.outside'::regclass AND attname = 'geom'"));
    }

    [Fact]
    public async Task Every_scalar_function_computes_the_IR_semantics()
    {
        await using var db = await DatabaseAsync(FunctionExpectations.Inputs());
        await RunAsync(db, FunctionExpectations.Workflow());
        FunctionExpectations.AssertOutputs(await db.QueryAsync(FunctionExpectations.OutputQuery));
    }

    [Fact]
    public async Task Semi_and_anti_joins_keep_each_left_row_once_and_partition_the_input()
    {
        await using var db = await DatabaseAsync(EmitData.Orders(), EmitData.Customers());
        await RunAsync(db, DuckDbExecutionTests.SemiJoins());
        RowSetAssert.Equal(RowSet.Of(["id"], [10L], [11L], [12L]), await db.QueryAsync("SELECT id FROM with_orders"));
        RowSetAssert.Equal(RowSet.Of(["id"], [13L]), await db.QueryAsync("SELECT id FROM without_orders"));
    }

    /// <summary>The spatial sample without H3 (h3-pg is not installed here).</summary>
    public static Workflow SpatialWithoutH3() => EmitSamples.Spatial(h3: false);

    [Fact]
    public async Task The_spatial_sample_computes_geodesic_measures_and_planar_predicates()
    {
        await using var db = await DatabaseAsync(EmitData.Places(), EmitData.Zones(), EmitData.OutsideTable());
        await RunAsync(db, SpatialWithoutH3());

        // Buffers of 500 m: π·500² m², less the 32-gon's shortfall (0.64%).
        var buffers = await db.QueryAsync("SELECT id, ST_Area(geom_buffer::geography) / (pi() * 500 * 500) AS ratio, ST_SRID(geom_buffer) AS srid FROM geo.place_buffers WHERE geom IS NOT NULL");
        Assert.Equal(4, buffers.Count);
        Assert.All(buffers.Rows, r => Assert.InRange((double)r[1]!, 0.995, 1.005));
        Assert.All(buffers.Rows, r => Assert.Equal(4326m, r[2]));

        var types = await db.QueryAsync("""
            SELECT attname::text AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
            WHERE attrelid = 'geo.place_buffers'::regclass AND attnum > 0 ORDER BY attnum
            """);
        RowSetAssert.Equal(RowSet.Of(["name", "type"], ["id", "bigint"], ["geom", "geometry(Geometry,4326)"], ["geom_buffer", "geometry(Geometry,4326)"]), types,
            new RowSetComparison { OrderSensitive = true });

        // Ile-de-France's rectangle (2.1° × 1.1° at 48.65°N): about 19,000 km² on the spheroid.
        var zones = await db.QueryAsync("SELECT zone_id, geom_area, ST_AsText(geom_centroid) AS centroid FROM geo.zone_stats");
        RowSetAssert.Equal(RowSet.Of(["zone_id", "geom_area", "centroid"],
            [1L, RectangleArea(1.5, 48.1, 3.6, 49.2) / 1e6, "POINT(2.55 48.65)"],
            [2L, RectangleArea(150.5, -34.3, 151.5, -33.4) / 1e6, "POINT(151 -33.85)"],
            [3L, null, null]), zones, new RowSetComparison { RelativeTolerance = 0.005 });

        // Paris and Sydney lie within their zones; the distance to the zone's own geometry is 0.
        RowSetAssert.Equal(RowSet.Of(["id", "zone_name_joined", "distance"], [1L, "Ile-de-France", 0.0], [4L, "Greater Sydney", 0.0]),
            await db.ReadTableAsync("geo.place_zones"));

        // Match and unmatch partition the places: a NULL point matches nothing.
        RowSetAssert.Equal(RowSet.Of(["id"], [1L], [4L]), await db.QueryAsync("SELECT id FROM geo.inside"));
        RowSetAssert.Equal(RowSet.Of(["id"], [2L], [3L], [5L]), await db.QueryAsync("SELECT id FROM geo.outside"));
    }

    /// <summary>The area of a lon/lat rectangle on a sphere of the WGS84 authalic radius.</summary>
    private static double RectangleArea(double west, double south, double east, double north)
    {
        const double r = 6_371_007.2;
        double rad(double d) => d * Math.PI / 180;
        return r * r * (rad(east) - rad(west)) * (Math.Sin(rad(north)) - Math.Sin(rad(south)));
    }

    [Fact]
    public async Task Distances_are_geodesic_meters()
    {
        await using var db = await DatabaseAsync(EmitData.Places());
        var b = new WorkflowBuilder("distances");
        var places = b.Scan(new TableName(["geo", "places"]), EmitSamples.Places, "places");
        var point = Call(F.Point, EmitSamples.Col(EmitSamples.Places, "lon"), EmitSamples.Col(EmitSamples.Places, "lat"));
        var paris = Call(F.Point, Literal.Float(2.3522), Literal.Float(48.8566));
        var project = b.Project(places.Id, [
            new("id", EmitSamples.Col(EmitSamples.Places, "id")),
            new("meters", Call(F.Distance, point, paris)),
            new("near", Call(F.DWithin, point, paris, Literal.Float(400_000))),
            new("x", Call(F.X, point)),
            new("wkt", Call(F.AsText, Call(F.GeogFromText, Literal.String("POINT(1 2)")))),
        ], "measures");
        b.Sink(project.Id, new TableName(["distances"]), WriteMode.Replace, "k");
        await RunAsync(db, b.ToWorkflow());
        // The spheroid's distances agree with the haversine formula on the mean sphere within 0.5%.
        RowSetAssert.Equal(RowSet.Of(["id", "meters", "near", "x", "wkt"],
            [1L, 0.0, true, 2.3522, "POINT(1 2)"],
            [2L, Haversine(-0.1276, 51.5072, 2.3522, 48.8566), true, -0.1276, "POINT(1 2)"],
            [3L, Haversine(-78.4678, -0.1807, 2.3522, 48.8566), false, -78.4678, "POINT(1 2)"],
            [4L, Haversine(151.2093, -33.8688, 2.3522, 48.8566), false, 151.2093, "POINT(1 2)"],
            [5L, null, null, null, "POINT(1 2)"]), await db.ReadTableAsync("distances"), new RowSetComparison { RelativeTolerance = 0.005, AbsoluteTolerance = 1e-6 });
    }

    [Fact]
    public async Task Every_spatial_function_computes_the_IR_semantics()
    {
        await using var db = await DatabaseAsync(EmitData.Zones());
        var b = new WorkflowBuilder("spatial functions");
        var zones = b.Scan(new TableName(["geo", "zones"]), EmitSamples.Zones, "zones");
        var zone = EmitSamples.Col(EmitSamples.Zones, "geom");
        Expr Geo(string wkt) => Call(F.GeogFromText, Literal.String(wkt));
        var inside = Call(F.Point, Literal.Float(2.35), Literal.Float(48.85));
        var onEdge = Call(F.Point, Literal.Float(1.5), Literal.Float(48.5));
        var project = b.Project(zones.Id, [
            new("zone_id", EmitSamples.Col(EmitSamples.Zones, "zone_id")),
            new("contains_inside", Call(F.Contains, zone, inside)),
            new("contains_edge", Call(F.Contains, zone, onEdge)),
            new("covers_edge", Call(F.Covers, zone, onEdge)),
            new("touches_edge", Call(F.Touches, zone, onEdge)),
            new("within", Call(F.Within, inside, zone)),
            new("intersects", Call(F.Intersects, zone, Geo("LINESTRING(0 48.5, 2 48.5)"))),
            new("centroid_y", Call(F.Y, Call(F.Centroid, zone))),
            new("length_m", Call(F.LengthMeters, Geo("LINESTRING(0 0, 0 1)"))),
            new("square_m2", Call(F.Area, Geo("POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))"))),
            new("wkt", Call(F.AsText, Call(F.Point, Literal.Float(-1.5), Literal.Float(2)))),
            new("cast_wkt", Cast(Cast(Literal.String("POINT(3 4)"), SqlType.Geography), SqlType.String)),
        ], "predicates");
        b.Sink(project.Id, new TableName(["spatial_functions"]), WriteMode.Replace, "k");
        await RunAsync(db, b.ToWorkflow());

        // 1° of latitude at the equator is 110,574 m on the WGS84 spheroid; a 1°×1° square there is about 12,308 km².
        RowSetAssert.Equal(RowSet.Of(
            ["zone_id", "contains_inside", "contains_edge", "covers_edge", "touches_edge", "within", "intersects", "centroid_y", "length_m", "square_m2", "wkt", "cast_wkt"],
            [1L, true, false, true, true, true, true, 48.65, 110_574.0, 12_308_000_000.0, "POINT(-1.5 2)", "POINT(3 4)"],
            [2L, false, false, false, false, false, false, -33.85, 110_574.0, 12_308_000_000.0, "POINT(-1.5 2)", "POINT(3 4)"],
            [3L, null, null, null, null, null, null, null, 110_574.0, 12_308_000_000.0, "POINT(-1.5 2)", "POINT(3 4)"]),
            await db.ReadTableAsync("spatial_functions"), new RowSetComparison { RelativeTolerance = 0.001 });
    }

    private static double Haversine(double lon1, double lat1, double lon2, double lat2)
    {
        double rad(double d) => d * Math.PI / 180;
        double a = Math.Pow(Math.Sin(rad(lat2 - lat1) / 2), 2) + Math.Cos(rad(lat1)) * Math.Cos(rad(lat2)) * Math.Pow(Math.Sin(rad(lon2 - lon1) / 2), 2);
        return 2 * 6_371_008.8 * Math.Asin(Math.Sqrt(a));
    }

    [Theory]
    [InlineData("redshift")]
    [InlineData("databricks")]
    public async Task The_utm_buffer_of_planar_warehouses_agrees_with_the_geodesic_buffer(string dialect)
    {
        // Redshift's and Databricks' meter buffers use functions PostGIS also has: run them here.
        await using var db = await DatabaseAsync(EmitData.Places());
        var g = new ColumnRef("geom", SqlType.Geography);
        var utm = FunctionRendering.Render(Dialects.Find(dialect)!, Call(F.Buffer, g, Literal.Float(1000))).Sql
            .Replace("CAST(1000.0 AS DOUBLE PRECISION)", "1000.0").Replace("CAST(1000.0 AS DOUBLE)", "1000.0");
        var rows = await db.QueryAsync($"""
            WITH p AS (SELECT id, ST_SetSRID(ST_MakePoint(lon, lat), 4326) AS geom FROM geo.places WHERE lon IS NOT NULL)
            SELECT id, ST_Area(({utm})::geography) / ST_Area(ST_Buffer(geom::geography, 1000.0, 'quad_segs=32')) AS ratio,
                   ST_Distance(ST_Centroid({utm})::geography, geom::geography) AS offset_m
            FROM p
            """);
        Assert.Equal(4, rows.Count);
        Assert.All(rows.Rows, r => Assert.InRange((double)r[1]!, 0.995, 1.005));
        Assert.All(rows.Rows, r => Assert.InRange((double)r[2]!, 0.0, 5.0));
    }

    [Fact]
    public async Task A_full_join_on_a_spatial_condition_runs()
    {
        await using var db = await DatabaseAsync(EmitData.Places(), EmitData.Zones());
        var b = new WorkflowBuilder("full");
        var places = b.Scan(new TableName(["geo", "places"]), EmitSamples.Places, "places");
        var points = b.Project(places.Id, [
            new("id", EmitSamples.Col(EmitSamples.Places, "id")),
            new("geom", Call(F.Point, EmitSamples.Col(EmitSamples.Places, "lon"), EmitSamples.Col(EmitSamples.Places, "lat"))),
        ], "points");
        var zones = b.Scan(new TableName(["geo", "zones"]), EmitSamples.Zones, "zones");
        var condition = Call(F.Intersects, Column(points.Schema.Find("geom")!), EmitSamples.Col(EmitSamples.Zones, "geom", 1));
        var join = b.Join(points.Id, zones.Id, JoinKind.Full, condition,
            [new JoinOutput(0, "id", "id"), new JoinOutput(1, "zone_id", "zone_id")], "full");
        b.Sink(join.Id, new TableName(["full_join"]), WriteMode.Replace, "k");
        await RunAsync(db, b.ToWorkflow());
        RowSetAssert.Equal(RowSet.Of(["id", "zone_id"], [1L, 1L], [2L, null], [3L, null], [4L, 2L], [5L, null], [null, 3L]),
            await db.ReadTableAsync("full_join"));
    }

    [Fact]
    public async Task A_temporary_table_is_indexed_and_dropped_before_commit()
    {
        await using var db = await DatabaseAsync(EmitData.Places(), EmitData.Zones(), EmitData.OutsideTable());
        var workflow = SpatialWithoutH3();
        var points = workflow.Nodes.Single(n => n.Name == "Points").Id;
        var plan = new MaterializationPlan(ImmutableSortedDictionary<int, NodePlan>.Empty.Add(points, new NodePlan(points, Materialization.TempTable, "read by four outputs")));
        var sql = await RunAsync(db, workflow, new EmitOptions { Plan = plan });
        Assert.Contains("CREATE INDEX ON cwf_points USING GIST (geom)", sql);
        RowSetAssert.Equal(RowSet.Of(["id"], [1L], [4L]), await db.QueryAsync("SELECT id FROM geo.inside"));
    }

    [Fact]
    public async Task The_procedure_takes_its_public_parameters()
    {
        await using var db = await DatabaseAsync(EmitData.Orders(), EmitData.Customers());
        await RunAsync(db, EmitSamples.CustomAndParameters(), new EmitOptions { Mode = EmitMode.Procedure });
        Assert.False(await db.TableExistsAsync("analytics.custom_out"));

        (await db.RunPsqlAsync("CALL cwf_custom_sql();")).EnsureSucceeded();
        RowSetAssert.Equal(RowSet.Of(["id", "name", "label"], [1L, "Ann", "it's big"], [2L, "Bob", "it's big"], [4L, "Ann", "it's big"], [5L, "Cy", "it's big"]),
            await db.ReadTableAsync("analytics.custom_out"));

        (await db.RunPsqlAsync("CALL cwf_custom_sql(200.0, 'huge');")).EnsureSucceeded();
        RowSetAssert.Equal(RowSet.Of(["id", "name", "label"], [4L, "Ann", "huge"]), await db.ReadTableAsync("analytics.custom_out"));
    }

    [Fact]
    public async Task Every_query_of_query_mode_runs()
    {
        await using var db = await DatabaseAsync(EmitData.Places(), EmitData.Zones());
        var sql = SqlEmitter.Emit(SpatialWithoutH3(), Postgres, new EmitOptions { Mode = EmitMode.Query }).Sql!;
        var statements = ParserDialect.Postgres.SplitStatements(sql).Select(s => s.Text).ToList();
        Assert.Equal(5, statements.Count);
        var counts = new List<int>();
        foreach (var statement in statements) counts.Add((await db.QueryAsync(statement)).Count);
        Assert.Equal([5, 3, 2, 2, 3], counts);
    }

    [Fact]
    public async Task Distinct_and_grouping_run_on_geometry()
    {
        await using var db = await DatabaseAsync(EmitData.Zones());
        var b = new WorkflowBuilder("distinct");
        var zones = b.Scan(new TableName(["geo", "zones"]), EmitSamples.Zones, "zones");
        var union = b.UnionAll([zones.Id, zones.Id], "twice");
        b.Sink(b.Distinct(union.Id, "once").Id, new TableName(["zones_once"]), WriteMode.Replace, "k");
        await RunAsync(db, b.ToWorkflow());
        Assert.Equal(3, (await db.ReadTableAsync("zones_once")).Count);
    }
}
