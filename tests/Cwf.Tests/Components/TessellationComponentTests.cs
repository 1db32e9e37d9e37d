using Cwf.Canvas;
using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Interpretation;
using Cwf.Interpretation.Geo;
using Cwf.Ir;
using Cwf.Tests.Canvas;
using Cwf.Tests.Infrastructure;
using Cwf.Tests.Snapshots;
using Cwf.Text;
using NetTopologySuite.Geometries;

namespace Cwf.Tests.Components;

/// <summary>
/// <c>native.voronoi</c> and <c>native.delaunay</c>: canvas import and round trip, the interpreter's cells and
/// triangles (PostGIS's documented example), every dialect's SQL or the warehouse it names (CWF6002).
/// The PostGIS comparison is <see cref="TessellationEngineTests"/>.
/// </summary>
public class TessellationComponentTests
{
    internal const string Sites = "MULTIPOINT((50 30), (60 30), (100 100), (10 150), (110 120))";

    internal static string Program(string step) =>
        "source t = table \"src.t\" { id: int64, geom: geography }\noutput t | " + step + " -> table \"o.cells\"\n";

    internal static TestTable Points()
    {
        var rows = Wkt.TryRead(Sites, out _)!.Coordinates.Select((c, i) => new object?[] { (long)i + 1, $"POINT({c.X} {c.Y})" }).ToList();
        rows.Add([99L, null]);
        return TestTable.Create("src.t", "id int64, geom geography", [.. rows]);
    }

    internal static List<Geometry> Run(string step)
    {
        var table = Points();
        var input = Database.Empty.With(table.Name, new Table(table.Schema, [.. table.TypedRows()]));
        var result = Interpreter.Run(Cwf.Tests.Binding.Compilation.Ok(Program(step)), input);
        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics));
        var output = result.Outputs.Find(new TableName(["o", "cells"]))!;
        Assert.Equal(["geom"], output.Schema.Names);
        return [.. output.Rows.Select(r => (Geometry)r[0]!)];
    }

    [Theory]
    [InlineData("native.voronoi", false, "voronoi geom", ExplodeKind.VoronoiPolygons)]
    [InlineData("native.voronoi", true, "voronoi geom { returnlines: true }", ExplodeKind.VoronoiLines)]
    [InlineData("native.delaunay", false, "delaunay geom", ExplodeKind.DelaunayTriangles)]
    [InlineData("native.delaunay", true, "delaunay geom { returnlines: true }", ExplodeKind.DelaunayLines)]
    public void A_canvas_node_collects_the_points_explodes_the_diagram_and_round_trips(string component, bool lines, string step, ExplodeKind kind)
    {
        var c = new TestCanvas();
        var t = c.Source("src.t", "t", "id:int64", "geom:geography");
        var node = c.Node(component, "Diagram", ("geo", "geom"), ("returnlines", lines));
        var save = c.Node("native.saveastable", "Save", ("destination", "out.cells"));
        c.Flow(t, node).Flow(node, save);
        var imported = CanvasTestKit.Import(c);
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        var aggregate = Assert.Single(imported.Workflow!.Nodes.OfType<AggregateNode>());
        Assert.Equal("geom := collect(geom)", Assert.Single(aggregate.Aggregates).ToString());
        var explode = Assert.Single(imported.Workflow.Nodes.OfType<ExplodeNode>());
        Assert.Equal((kind, "geom"), (explode.Kind, explode.Column));
        Assert.Equal(["geom"], explode.Schema.Names);
        var text = Cwf.Tests.Canvas.CanvasTestKit.AssertRoundTrip(imported, step.Split(' ')[0]);
        Assert.Contains("| " + step, text);
    }

    [Fact]
    public void The_interpreter_gives_one_cell_per_site_covering_GEOS_envelope()
    {
        var cells = Run("voronoi geom");
        var sites = Wkt.TryRead(Sites, out _)!.Coordinates.Select(c => Geography.Factory.CreatePoint(c)).ToList();
        Assert.Equal(5, cells.Count);
        Assert.All(cells, c => Assert.Single(sites, s => c.Covers(s)));
        // PostGIS's documented envelope: the sites' box (10..110, 30..150) grown by 120 on every side.
        var union = Geography.Factory.BuildGeometry(cells).Union();
        Assert.Equal(new Envelope(-110, 230, -90, 270), union.EnvelopeInternal);
        Assert.Equal(340.0 * 360.0, union.Area, 6);
        // The documented first cell of ST_VoronoiPolygons on these sites.
        var documented = Wkt.TryRead("POLYGON((-110 43.3333333333333,-110 270,100.5 270,59.3478260869565 132.826086956522,36.8181818181818 92.2727272727273,-110 43.3333333333333))", out _)!;
        Assert.Contains(cells, c => c.Normalized().EqualsExact(documented.Normalized(), 1e-9));
    }

    [Fact]
    public void The_interpreter_gives_the_edges_triangles_and_triangle_edges()
    {
        var edges = Run("voronoi geom { returnlines: true }");
        Assert.All(edges, e => Assert.IsType<LineString>(e));
        // Every inner edge once: the documented edge from (36.8, 92.3) to (59.3, 132.8) is there.
        Assert.Contains(edges, e => e.Buffer(1e-6).Covers(Wkt.TryRead("LINESTRING(36.8181818181818 92.2727272727273, 59.3478260869565 132.826086956522)", out _)!));
        Assert.DoesNotContain(edges, e => e.Coordinates.All(c => c.X is -110 or 230 || c.Y is -90 or 270));

        var triangles = Run("delaunay geom");
        Assert.All(triangles, t => Assert.Equal(4, Assert.IsType<Polygon>(t).NumPoints));
        var hull = Wkt.TryRead(Sites, out _)!.ConvexHull();
        Assert.Equal(hull.Area, triangles.Sum(t => t.Area), 9);
        var triangleEdges = Run("delaunay geom { returnlines: true }");
        // A triangulation of n points with h on the hull has 3n - 3 - h edges.
        Assert.Equal(3 * 5 - 3 - hull.NumPoints + 1, triangleEdges.Count);
    }

    [Theory]
    [InlineData("voronoi geom")]
    [InlineData("delaunay geom { returnlines: true }")]
    public void An_empty_table_or_a_single_point_gives_no_rows(string step)
    {
        var program = Cwf.Tests.Binding.Compilation.Ok(Program(step));
        var one = TestTable.Create("src.t", "id int64, geom geography", [1L, "POINT(1 2)"], [2L, "POINT(1 2)"]);
        foreach (var table in new[] { one, TestTable.Create("src.t", "id int64, geom geography") })
        {
            var result = Interpreter.Run(program, Database.Empty.With(table.Name, new Table(table.Schema, [.. table.TypedRows()])));
            Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics));
            Assert.Empty(result.Outputs.Find(new TableName(["o", "cells"]))!.Rows);
        }
    }

    public static TheoryData<string> DialectNames => [.. Dialects.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Every_dialect_writes_the_diagram_or_names_what_it_lacks(string name)
    {
        var dialect = Dialects.Find(name)!;
        foreach (var (step, file) in new[] { ("voronoi geom", "voronoi"), ("delaunay geom { returnlines: true }", "delaunay-lines") })
        {
            var result = Compiler.Compile(Cwf.Tests.Binding.Compilation.Ok(Program(step)), new CompileOptions(dialect) { Optimize = false });
            var errors = result.Diagnostics.Where(d => d.IsError).ToList();
            bool writes = name is "postgres" or "bigquery" || (name == "duckdb" && file == "voronoi");
            if (!writes)
            {
                // Trino also lacks the collect aggregate.
                Assert.All(errors, e => Assert.Equal(DiagnosticCodes.FunctionNotSupported, e.Descriptor));
                Assert.Contains(errors, e => e.Message.Contains($"{dialect.DisplayName} cannot make one row per", StringComparison.Ordinal));
                continue;
            }
            Assert.Empty(errors);
            if (name == "bigquery")
                Assert.Contains(result.Diagnostics, d => d.Descriptor == DiagnosticCodes.ApproximateTranslation && d.Message.Contains("Analytics Toolbox", StringComparison.Ordinal));
            Snapshot.Match(result.Sql!, $"{file}-{name}", "sql");
        }
    }

    [Fact]
    public void The_toolbox_location_reaches_the_SQL_only_as_identifiers()
    {
        var options = new CompileOptions(Dialects.Find("bigquery")!) { Toolbox = new TableName(["my`project", "carto"]) };
        var result = Compiler.Compile(Cwf.Tests.Binding.Compilation.Ok(Program("voronoi geom")), options);
        Assert.Contains("`my\\`project`.carto.ST_VORONOIPOLYGONS(", result.Sql);
        Assert.Contains(result.Diagnostics, d => d.Descriptor == DiagnosticCodes.RequiresExtension);
    }
}

/// <summary>The interpreter and PostGIS give the same cells, edges and triangles, compared as sets with a 1e-9 degree tolerance.</summary>
[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public sealed class TessellationEngineTests(PostgresServer server)
{
    [Theory]
    [InlineData("voronoi geom")]
    [InlineData("voronoi geom { returnlines: true }")]
    [InlineData("delaunay geom")]
    [InlineData("delaunay geom { returnlines: true }")]
    public async Task PostGIS_and_the_interpreter_agree(string step)
    {
        var expected = TessellationComponentTests.Run(step);
        await using var db = await server.CreateDatabaseAsync();
        await db.LoadTableAsync(TessellationComponentTests.Points());
        var sql = SqlEmitter.Emit(Cwf.Tests.Binding.Compilation.Ok(TessellationComponentTests.Program(step)), Dialects.Find("postgres")!).Sql!;
        (await db.RunPsqlAsync(sql)).EnsureSucceeded();
        var rows = await db.QueryAsync("SELECT ST_AsText(geom) FROM o.cells");
        var actual = rows.Rows.Select(r => Wkt.TryRead((string)r[0]!, out _)!).ToList();
        if (expected.All(g => g is Polygon))
        {
            // Polygons: the same number, each matched by one with the same vertices (order-independent).
            Assert.Equal(expected.Count, actual.Count);
            foreach (var cell in expected)
                Assert.Single(actual, a => a.Normalized().EqualsExact(cell.Normalized(), 1e-9));
            return;
        }
        // Lines: the same linework, however GEOS and NTS split it into lines.
        var mine = Geography.Factory.BuildGeometry(expected).Union();
        var theirs = Geography.Factory.BuildGeometry(actual).Union();
        Assert.Equal(mine.Length, theirs.Length, 9);
        Assert.True(mine.Buffer(1e-9).Covers(theirs) && theirs.Buffer(1e-9).Covers(mine), $"{mine}\n{theirs}");
    }
}
