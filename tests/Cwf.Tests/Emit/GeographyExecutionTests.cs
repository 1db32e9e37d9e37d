using System.Collections.Immutable;
using Cwf.Emit;
using Cwf.Interpretation;
using Cwf.Interpretation.Geo;
using Cwf.Ir;
using Cwf.Tests.Infrastructure;
using Cwf.Tests.Interpretation;
using static Cwf.Ir.ExprFactory;
using F = Cwf.Ir.Functions;

namespace Cwf.Tests.Emit;

/// <summary>
/// The SQL of the geography policies run on PostGIS: invalid geometries repaired where they enter
/// (spec/equivalence.md, "Invalid geometries"), and Redshift's spheroid distances, whose functions
/// PostGIS also has ("Tolerances per dialect").
/// </summary>
[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public sealed class GeographyExecutionTests(PostgresServer server)
{
    private const string BowTie = "POLYGON((0 0,2 2,2 0,0 2,0 0))";

    /// <summary>PostGIS's geodesic area of the bow tie repaired into its two triangles (the bow tie itself has 0 m²: its lobes cancel).</summary>
    private const double RepairedBowTieArea = 24615769286.707367;

    private static readonly TableName Shapes = new(["geo", "shapes"]);
    private static readonly TableName Out = new(["out", "measured"]);
    private static readonly Schema ShapeSchema = new([new Column("id", SqlType.Int64), new Column("geom", SqlType.Geography)]);

    private static async Task<RowSet> RunAsync(PgDatabase db, Workflow workflow)
    {
        var emitted = SqlEmitter.Emit(workflow, Dialects.Find("postgres")!, new EmitOptions());
        Assert.True(emitted.Succeeded, string.Join("\n", emitted.Diagnostics));
        (await db.RunPsqlAsync(emitted.Sql!)).EnsureSucceeded();
        return await db.ReadTableAsync(Out.ToString());
    }

    /// <summary>id, the area and the text of each shape, from <paramref name="input"/>.</summary>
    private static void Measure(WorkflowBuilder b, RelNode input)
    {
        var geom = Column(input.Schema.Find("geom")!);
        var measured = b.Project(input.Id, [
            new NamedExpr("id", Column(input.Schema.Find("id")!)),
            new NamedExpr("area", Call(F.Area, geom)),
            new NamedExpr("valid_within", Call(F.Within, Call(F.Point, Literal.Float(0.5), Literal.Float(1)), geom)),
            new NamedExpr("geom", geom),
        ], "measured");
        b.Sink(measured.Id, Out, WriteMode.Replace, "out");
    }

    private static void AssertRepaired(RowSet rows, long id)
    {
        var row = rows.Rows.Single(r => Convert.ToInt64(r[0], System.Globalization.CultureInfo.InvariantCulture) == id);
        Assert.Equal(RepairedBowTieArea, (double)row[1]!, RepairedBowTieArea * 1e-9);
        Assert.Equal(true, row[2]);
        var geometry = ((GeometryValue)row[3]!).Geometry;
        Assert.True(geometry.IsValid);
        Assert.Equal("MultiPolygon", geometry.GeometryType);
    }

    [Fact]
    public async Task An_invalid_geometry_of_a_source_table_is_measured_and_written_repaired()
    {
        await using var db = await server.CreateDatabaseAsync();
        var table = TestTable.Create(Shapes.ToString(), "id int64, geom geography", [1L, BowTie], [2L, "POLYGON((10 10,11 10,11 11,10 11,10 10))"]);
        await db.LoadTableAsync(table);
        var b = new WorkflowBuilder("repaired source");
        Measure(b, b.Scan(Shapes, ShapeSchema, "shapes"));
        var workflow = b.ToWorkflow();
        var rows = await RunAsync(db, workflow);
        AssertRepaired(rows, 1);
        // The valid square is written as it was stored (the repair would have reversed its counter-clockwise ring),
        // and the interpreter writes the same rows.
        var square = await db.QueryAsync($"SELECT ST_AsText(geom) FROM {Out} WHERE id = 2");
        Assert.Equal("POLYGON((10 10,11 10,11 11,10 11,10 10))", square.Rows[0][0]);
        var run = Interpreter.Run(workflow, Database.Empty.With(Shapes, new Table(table.Schema, table.TypedRows())));
        RowSetAssert.Equal(run.Outputs.Find(Out)!.ToRowSet(), rows);
    }

    [Fact]
    public async Task An_invalid_geometry_returned_by_custom_SQL_is_repaired()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.LoadTableAsync(TestTable.Create(Shapes.ToString(), "id int64, geom geography", [1L, "POINT(0 0)"]));
        var b = new WorkflowBuilder("repaired custom SQL");
        var shapes = b.Scan(Shapes, ShapeSchema, "shapes");
        var custom = b.Opaque([shapes.Id], "native.customsql", $"SELECT id, ST_GeomFromText('{BowTie}', 4326) AS geom FROM $a", ShapeSchema,
            ImmutableSortedDictionary<string, string>.Empty, "custom");
        Measure(b, custom);
        AssertRepaired(await RunAsync(db, b.ToWorkflow()), 1);
    }

    [Fact]
    public async Task Text_describing_an_invalid_shape_is_parsed_repaired()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.LoadTableAsync(TestTable.Create(Shapes.ToString(), "id int64, geom geography", [1L, "POINT(0 0)"]));
        var b = new WorkflowBuilder("repaired text");
        var shapes = b.Scan(Shapes, ShapeSchema, "shapes");
        var parsed = b.Project(shapes.Id, [
            new NamedExpr("id", Column(ShapeSchema.Find("id")!)),
            new NamedExpr("geom", Call(F.GeogFromText, Literal.String(BowTie))),
        ], "parsed");
        Measure(b, parsed);
        AssertRepaired(await RunAsync(db, b.ToWorkflow()), 1);
    }

    [Fact]
    public async Task The_check_of_a_scanned_geography_is_not_planned_into_a_parallel_worker()
    {
        // PostgreSQL costs ST_IsValidDetail at its declared cost on every row, points included; as a plain
        // expression of the scan it buys a worker (one allowed here, so that a small table shows it).
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE SCHEMA geo;
            CREATE TABLE geo.shapes AS
            SELECT g::bigint AS id, ST_SetSRID(ST_MakePoint(g % 360 - 180, g % 170 - 85), 4326)::geometry(Geometry,4326) AS geom
            FROM generate_series(1, 20000) AS g;
            ALTER TABLE geo.shapes SET (parallel_workers = 1);
            ANALYZE geo.shapes;
            """);
        var b = new WorkflowBuilder("scanned points");
        Measure(b, b.Scan(Shapes, ShapeSchema, "shapes"));
        var emitted = SqlEmitter.Emit(b.ToWorkflow(), Dialects.Find("postgres")!, new EmitOptions { Mode = EmitMode.Query });
        Assert.True(emitted.Succeeded, string.Join("\n", emitted.Diagnostics));
        var query = string.Join("\n", emitted.Sql!.Split('\n').Where(line => !line.StartsWith("--", StringComparison.Ordinal))).Trim().TrimEnd(';');
        var plan = string.Join("\n", (await db.QueryAsync("EXPLAIN " + query)).Rows.Select(r => (string)r[0]!));
        Assert.Contains("Seq Scan on shapes", plan);
        Assert.DoesNotContain("Gather", plan);
    }

    [Theory]
    [InlineData(2.3522, 48.8566, -0.1276, 51.5072)]
    [InlineData(-74.006, 40.7128, 139.6917, 35.6895)]
    [InlineData(13.37761826722198, 52.516411678282445, 13.377950831464005, 52.51705102546893)]
    [InlineData(20, 70, 20, 71)]
    public async Task Redshift_distances_are_measured_on_the_spheroid(double lon1, double lat1, double lon2, double lat2)
    {
        // Redshift's translation, ST_Distance of two GEOGRAPHY points, runs on PostGIS as it is.
        await using var db = await server.CreateDatabaseAsync();
        Expr Point(double lon, double lat) => Call(F.Point, Literal.Float(lon), Literal.Float(lat));
        var sql = FunctionRendering.Render(Dialects.Find("redshift")!, Call(F.Distance, Point(lon1, lat1), Point(lon2, lat2))).Sql;
        var meters = (double)(await db.QueryAsync("SELECT " + sql)).Rows[0][0]!;
        var interpreter = Geography.Distance(Geography.Point(lon1, lat1), Geography.Point(lon2, lat2))!.Value;
        Assert.Equal(1, meters / interpreter, 1e-9);
    }
}
