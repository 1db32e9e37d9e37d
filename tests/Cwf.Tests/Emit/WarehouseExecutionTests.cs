using System.Collections.Immutable;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Planning;
using Cwf.Tests.Infrastructure;
using static Cwf.Ir.ExprFactory;
using F = Cwf.Ir.Functions;

namespace Cwf.Tests.Emit;

/// <summary>
/// The warehouse day-one fixes of issue 12 run on PostgreSQL/PostGIS through psql, as users run
/// them: sources stored as geography or as geometry without an SRID, appends to missing tables,
/// the database check, concurrent runs, the replace strategies with a dependent view, atomicity,
/// and a limit by a procedure argument. <see cref="WarehouseStatementTests"/> checks their text.
/// </summary>
[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public sealed class WarehouseExecutionTests(PostgresServer server)
{
    private static Dialect Postgres => Dialects.Find("postgres")!;

    private static string Compile(Workflow workflow, EmitOptions? options = null)
    {
        var result = SqlEmitter.Emit(workflow, Postgres, options);
        Assert.True(result.Sql is not null, string.Join("\n", result.Diagnostics));
        return result.Sql!;
    }

    private static async Task RunAsync(PgDatabase db, string script)
    {
        var run = await db.RunPsqlAsync(script);
        if (!run.Succeeded) throw new Xunit.Sdk.XunitException($"psql failed:\n{run.StandardError}\nscript:\n{script}");
    }

    private static async Task<long> CountAsync(PgDatabase db, string table) => Convert.ToInt64((await db.QueryAsync($"SELECT count(*) AS n FROM {table}")).Rows[0][0]);

    // ---- sources stored as geography, or as geometry without an SRID -----------------------------

    /// <summary>How a zones table may be stored: the SQL type of its column and the constructor of its values.</summary>
    public static TheoryData<string, string, string> Storages => new()
    {
        { "geometry in SRID 4326", "geometry(Geometry,4326)", "ST_GeomFromText({0}, 4326)" },
        { "geometry without an SRID", "geometry", "ST_GeomFromText({0})" },
        { "geography", "geography", "ST_GeogFromText({0})" },
    };

    private const string IleDeFrance = "POLYGON((1.5 48.1, 3.6 48.1, 3.6 49.2, 1.5 49.2, 1.5 48.1))";
    private const string Sydney = "POLYGON((150.5 -34.3, 151.5 -34.3, 151.5 -33.4, 150.5 -33.4, 150.5 -34.3))";

    private static async Task CreateZonesAsync(PgDatabase db, string type, string constructor)
    {
        string Value(string wkt) => string.Format(System.Globalization.CultureInfo.InvariantCulture, constructor, $"'{wkt}'");
        await db.ExecuteAsync($"""
            CREATE SCHEMA IF NOT EXISTS geo;
            CREATE TABLE geo.zones (zone_id bigint, zone_name text, geom {type});
            INSERT INTO geo.zones VALUES (1, 'Ile-de-France', {Value(IleDeFrance)}), (2, 'Greater Sydney', {Value(Sydney)}), (3, 'Unknown', NULL)
            """);
    }

    /// <summary>
    /// Every spatial operation on the zones as a source: predicates, a planned spatial join and
    /// semi/anti joins, a buffer, area, distance, and the geometry written to a new table and
    /// appended to an existing geography column.
    /// </summary>
    private static Workflow EveryOperationOnZones()
    {
        var b = new WorkflowBuilder("zones");
        var places = b.Scan(new TableName(["geo", "places"]), EmitSamples.Places, "places");
        var zones = b.Scan(new TableName(["geo", "zones"]), EmitSamples.Zones, "zones");
        var points = b.Project(places.Id, [
            new("id", EmitSamples.Col(EmitSamples.Places, "id")),
            new("geom", Call(F.Point, EmitSamples.Col(EmitSamples.Places, "lon"), EmitSamples.Col(EmitSamples.Places, "lat"))),
        ], "Points");
        var zone = EmitSamples.Col(EmitSamples.Zones, "geom");
        var paris = Call(F.Point, Literal.Float(2.3522), Literal.Float(48.8566));
        var measures = b.Project(zones.Id, [
            new("zone_id", EmitSamples.Col(EmitSamples.Zones, "zone_id")),
            new("geom", zone),
            new("area_km2", Binary(BinaryOp.Divide, Call(F.Area, zone), Literal.Float(1e6))),
            new("buffer_km2", Binary(BinaryOp.Divide, Call(F.Area, Call(F.Buffer, zone, Literal.Float(1000))), Literal.Float(1e6))),
            new("paris_km", Binary(BinaryOp.Divide, Call(F.Distance, Call(F.Centroid, zone), paris), Literal.Float(1000))),
            new("near_paris", Call(F.DWithin, zone, paris, Literal.Float(1000))),
            new("contains_paris", Call(F.Contains, zone, paris)),
            new("covers_paris", Call(F.Covers, zone, paris)),
            new("paris_within", Call(F.Within, paris, zone)),
            new("touches_paris", Call(F.Touches, zone, paris)),
        ], "Measures");
        var pointGeom = Column(points.Schema.Find("geom")!, 0);
        var within = b.Join(points.Id, zones.Id, JoinKind.Inner, Call(F.Within, pointGeom, Column(EmitSamples.Zones.Find("geom")!, 1)),
            [new JoinOutput(0, "id", "id"), new JoinOutput(1, "zone_id", "zone_id"), new JoinOutput(1, "geom", "zone_geom")], "Points in zones");
        var inside = b.SemiJoin(points.Id, zones.Id, Call(F.Intersects, pointGeom, Column(EmitSamples.Zones.Find("geom")!, 1)), false, "Inside");
        var outside = b.SemiJoin(points.Id, zones.Id, Call(F.Intersects, pointGeom, Column(EmitSamples.Zones.Find("geom")!, 1)), true, "Outside");
        b.Sink(measures.Id, new TableName(["out", "measures"]), WriteMode.Replace, "Save measures");
        b.Sink(within.Id, new TableName(["out", "joined"]), WriteMode.Replace, "Save joined");
        b.Sink(inside.Id, new TableName(["out", "inside"]), WriteMode.Replace, "Save inside");
        b.Sink(outside.Id, new TableName(["out", "outside"]), WriteMode.Append, "Save outside");
        b.Sink(zones.Id, new TableName(["out", "zones_copy"]), WriteMode.Append, "Copy zones");
        return b.ToWorkflow();
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task Every_spatial_operation_runs_whether_the_source_stores_geometry_or_geography(string storage, string type, string constructor)
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.LoadTableAsync(EmitData.Places());
        await CreateZonesAsync(db, type, constructor);
        // Appends into existing tables whose geometry column is of the source's storage type.
        await db.ExecuteAsync($"CREATE SCHEMA out; CREATE TABLE out.outside (id bigint, geom {type}); CREATE TABLE out.zones_copy (zone_id bigint, zone_name text, geom {type})");

        var workflow = EveryOperationOnZones();
        var plan = Planner.Plan(workflow, Postgres.OptimizerTarget);
        Assert.Equal(3, plan.SpatialJoins.Count);
        await RunAsync(db, Compile(workflow, new EmitOptions { Plan = plan }));
        await RunAsync(db, Compile(workflow));

        // The same measures computed by PostGIS from the zones' text, as a geometry in SRID 4326.
        var measures = await db.QueryAsync("""
            SELECT zone_id, area_km2, buffer_km2, paris_km, near_paris, contains_paris, covers_paris, paris_within, touches_paris, ST_SRID(geom) AS srid
            FROM out.measures
            """);
        const string paris = "ST_SetSRID(ST_MakePoint(2.3522, 48.8566), 4326)";
        var expected = await db.QueryAsync($"""
            WITH z(zone_id, g) AS (VALUES
              (1::bigint, ST_GeomFromText('{IleDeFrance}', 4326)), (2, ST_GeomFromText('{Sydney}', 4326)), (3, NULL::geometry))
            SELECT zone_id, ST_Area(g::geography) / 1e6 AS area_km2, ST_Area(ST_Buffer(g::geography, 1000, 'quad_segs=32')) / 1e6 AS buffer_km2,
                   ST_Distance(ST_Centroid(g)::geography, {paris}::geography) / 1000 AS paris_km,
                   ST_DWithin(g::geography, {paris}::geography, 1000) AS near_paris, ST_Contains(g, {paris}) AS contains_paris,
                   ST_Covers(g, {paris}) AS covers_paris, ST_Within({paris}, g) AS paris_within, ST_Touches(g, {paris}) AS touches_paris, ST_SRID(g) AS srid
            FROM z
            """);
        RowSetAssert.Equal(expected, measures, new RowSetComparison { RelativeTolerance = 1e-9 });
        Assert.Equal([true, true, true, true, false], measures.Rows.Single(r => Convert.ToInt64(r[0]) == 1).Skip(4).Take(5).Cast<bool>());
        Assert.InRange((double)measures.Rows.Single(r => Convert.ToInt64(r[0]) == 1)[1]!, 18_000, 20_000);

        RowSetAssert.Equal(RowSet.Of(["id", "zone_id"], [1L, 1L], [4L, 2L]), await db.QueryAsync("SELECT id, zone_id FROM out.joined"));
        RowSetAssert.Equal(RowSet.Of(["id"], [1L], [4L]), await db.QueryAsync("SELECT id FROM out.inside"));
        // Two runs appended the unmatched places and the zones twice, into columns of the source's type.
        RowSetAssert.Equal(RowSet.Of(["id", "n"], [2L, 2L], [3L, 2L], [5L, 2L]), await db.QueryAsync("SELECT id, count(*) AS n FROM out.outside GROUP BY id"));
        RowSetAssert.Equal(RowSet.Of(["zone_id", "n", "empty"], [1L, 2L, false], [2L, 2L, false], [3L, 2L, null]),
            await db.QueryAsync("SELECT zone_id, count(*) AS n, bool_or(ST_IsEmpty(geom::geometry)) AS empty FROM out.zones_copy GROUP BY zone_id"));
        Assert.NotEmpty(storage);
    }

    // ---- appends to missing tables ---------------------------------------------------------------

    [Fact]
    public async Task Appending_to_a_missing_table_creates_it_and_running_again_adds_the_rows()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.LoadTableAsync(EmitData.Orders());
        var script = Compile(WarehouseStatementTests.Appends());
        await RunAsync(db, script);
        Assert.Equal(5, await CountAsync(db, "fresh.orders"));
        Assert.Equal(5, await CountAsync(db, "fresh.doubled"));
        await RunAsync(db, script);
        Assert.Equal(10, await CountAsync(db, "fresh.orders"));
        Assert.Equal(10, await CountAsync(db, "fresh.doubled"));
        RowSetAssert.Equal(RowSet.Of(["column_name", "data_type"], ["id", "bigint"], ["doubled", "double precision"]), await db.QueryAsync(
            "SELECT column_name::text, data_type::text FROM information_schema.columns WHERE table_schema = 'fresh' AND table_name = 'doubled'"));
    }

    // ---- the database part of a table name ---------------------------------------------------------

    private static Workflow InDatabase(string database)
    {
        var b = new WorkflowBuilder("in database");
        var orders = b.Scan(new TableName([database, "shop", "orders"]), EmitSamples.Orders, "orders");
        b.Sink(orders.Id, new TableName([database, "out", "orders"]), WriteMode.Replace, "Save");
        return b.ToWorkflow();
    }

    [Fact]
    public async Task A_script_naming_the_current_database_runs()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.LoadTableAsync(EmitData.Orders());
        await RunAsync(db, Compile(InDatabase(db.Name)));
        Assert.Equal(5, await CountAsync(db, "out.orders"));
    }

    [Theory]
    [InlineData(EmitMode.Script)]
    [InlineData(EmitMode.Procedure)]
    public async Task A_script_naming_another_database_stops_before_writing_anything(EmitMode mode)
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.LoadTableAsync(EmitData.Orders());
        var sql = Compile(InDatabase("elsewhere"), new EmitOptions { Mode = mode });
        var run = await db.RunPsqlAsync(mode == EmitMode.Procedure ? sql + "\nCALL cwf_in_database();\n" : sql);
        Assert.False(run.Succeeded);
        Assert.Contains($"cwf: the workflow names tables of database elsewhere, but the script runs in database {db.Name}", run.StandardError);
        Assert.Contains("HINT:  connect to that database, or leave the database part out of the table names", run.StandardError);
        Assert.False(await db.TableExistsAsync("out.orders"));
        Assert.Empty((await db.QueryAsync("SELECT nspname FROM pg_namespace WHERE nspname = 'out'")).Rows);
    }

    // ---- concurrent runs -------------------------------------------------------------------------

    /// <summary>
    /// Two runs of the same script started together, 20 times, each time into a schema that does
    /// not exist yet: without the advisory lock, CREATE SCHEMA IF NOT EXISTS and CREATE TABLE of
    /// the two transactions collide in the catalogs (duplicate key value violates unique constraint).
    /// </summary>
    [Fact]
    public async Task Two_runs_started_together_both_succeed()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.LoadTableAsync(EmitData.Orders());
        for (int round = 0; round < 20; round++)
        {
            var b = new WorkflowBuilder("race");
            var orders = b.Scan(new TableName(["shop", "orders"]), EmitSamples.Orders, "orders");
            b.Sink(orders.Id, new TableName([$"race_{round}", "replaced"]), WriteMode.Replace, "Replace");
            b.Sink(orders.Id, new TableName([$"race_{round}", "appended"]), WriteMode.Append, "Append");
            var script = Compile(b.ToWorkflow());
            var runs = await Task.WhenAll(db.RunPsqlAsync(script), db.RunPsqlAsync(script));
            foreach (var run in runs) Assert.True(run.Succeeded, $"round {round}: {run.StandardError}");
            Assert.Equal(5, await CountAsync(db, $"race_{round}.replaced"));
            Assert.Equal(10, await CountAsync(db, $"race_{round}.appended"));
        }
    }

    // ---- replace strategies and a dependent view ---------------------------------------------------

    /// <summary>An old <c>analytics.orders</c> of one row, and a view that reads it.</summary>
    private async Task<PgDatabase> WithDependentViewAsync(bool view = true)
    {
        var db = await server.CreateDatabaseAsync();
        await db.LoadTableAsync(EmitData.Orders());
        await db.ExecuteAsync("CREATE SCHEMA analytics; CREATE TABLE analytics.orders (id bigint); INSERT INTO analytics.orders VALUES (99)" +
            (view ? "; CREATE VIEW analytics.order_ids AS SELECT id FROM analytics.orders" : ""));
        return db;
    }

    private static Workflow ReplaceOrders(bool failAfterwards = false)
    {
        var b = new WorkflowBuilder("replace orders");
        var orders = b.Scan(new TableName(["shop", "orders"]), EmitSamples.Orders, "orders");
        b.Sink(orders.Id, new TableName(["analytics", "orders"]), WriteMode.Replace, "Save");
        if (failAfterwards)
        {
            var failing = b.Opaque([orders.Id], "native.customsql", "SELECT id, 1 / (id - id) AS ratio FROM $a",
                new Schema([new("id", SqlType.Int64), new("ratio", SqlType.Int64)]), ImmutableSortedDictionary<string, string>.Empty, "Divide by zero");
            b.Sink(failing.Id, new TableName(["analytics", "ratios"]), WriteMode.Replace, "Save ratios");
        }
        return b.ToWorkflow();
    }

    private static string Replace(ReplaceStrategy strategy, bool failAfterwards = false) =>
        Compile(ReplaceOrders(failAfterwards), new EmitOptions { ReplaceStrategy = strategy });

    private static async Task AssertOldTableAsync(PgDatabase db) =>
        RowSetAssert.Equal(RowSet.Of(["id"], [99L]), await db.ReadTableAsync("analytics.orders"));

    [Fact]
    public async Task Cascade_drops_the_dependent_view_with_the_table()
    {
        await using var db = await WithDependentViewAsync();
        await RunAsync(db, Replace(ReplaceStrategy.Cascade));
        Assert.Equal(5, await CountAsync(db, "analytics.orders"));
        Assert.Empty((await db.QueryAsync("SELECT viewname FROM pg_views WHERE schemaname = 'analytics'")).Rows);
    }

    /// <summary>
    /// A view blocks the drop of the old table: drop fails there, and so does swap, which builds
    /// the new table first; the transaction leaves the old table, the view and no half-built
    /// table behind (spec/dialects.md, section 2).
    /// </summary>
    [Theory]
    [InlineData(ReplaceStrategy.Drop)]
    [InlineData(ReplaceStrategy.Swap)]
    public async Task A_dependent_view_stops_drop_and_swap_and_leaves_nothing_behind(ReplaceStrategy strategy)
    {
        await using var db = await WithDependentViewAsync();
        var run = await db.RunPsqlAsync(Replace(strategy));
        Assert.False(run.Succeeded);
        Assert.Contains("cannot drop table analytics.orders because other objects depend on it", run.StandardError);
        await AssertOldTableAsync(db);
        Assert.False(await db.TableExistsAsync("analytics.cwf_new_orders"));
    }

    [Fact]
    public async Task Swap_renames_the_new_table_into_place()
    {
        await using var db = await WithDependentViewAsync(view: false);
        var script = Replace(ReplaceStrategy.Swap);
        await RunAsync(db, script);
        await RunAsync(db, script);
        Assert.Equal(5, await CountAsync(db, "analytics.orders"));
        Assert.False(await db.TableExistsAsync("analytics.cwf_new_orders"));
    }

    /// <summary>An error after the replace (a later output divides by zero) rolls every strategy back: the old table and its view stay.</summary>
    [Theory]
    [InlineData(ReplaceStrategy.Drop)]
    [InlineData(ReplaceStrategy.Cascade)]
    [InlineData(ReplaceStrategy.Swap)]
    public async Task An_error_mid_script_leaves_the_old_table_intact(ReplaceStrategy strategy)
    {
        await using var db = await WithDependentViewAsync(view: strategy == ReplaceStrategy.Cascade);
        var run = await db.RunPsqlAsync(Replace(strategy, failAfterwards: true));
        Assert.False(run.Succeeded);
        Assert.Contains("division by zero", run.StandardError);
        await AssertOldTableAsync(db);
        Assert.False(await db.TableExistsAsync("analytics.ratios"));
        if (strategy == ReplaceStrategy.Cascade)
            Assert.Single((await db.QueryAsync("SELECT viewname FROM pg_views WHERE schemaname = 'analytics'")).Rows);
    }

    // ---- a limit by a procedure argument -----------------------------------------------------------

    [Fact]
    public async Task A_procedure_limits_its_output_by_its_argument()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.LoadTableAsync(EmitData.Orders());
        await RunAsync(db, Compile(WarehouseStatementTests.TopOrders(), new EmitOptions { Mode = EmitMode.Procedure }));
        await RunAsync(db, "CALL cwf_top_orders();");
        RowSetAssert.Equal(RowSet.Of(["id"], [4L], [1L], [5L]), await db.QueryAsync("SELECT id FROM analytics.top_orders"));
        await RunAsync(db, "CALL cwf_top_orders(1);");
        RowSetAssert.Equal(RowSet.Of(["id"], [4L]), await db.QueryAsync("SELECT id FROM analytics.top_orders"));
    }
}
