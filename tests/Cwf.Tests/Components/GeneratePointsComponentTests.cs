using Cwf.Canvas;
using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Tests.Canvas;
using Cwf.Tests.Infrastructure;
using Cwf.Text;
using NetTopologySuite.Geometries;

namespace Cwf.Tests.Components;

/// <summary>
/// <c>native.generatepoints</c>: the points differ between engines, so these tests check what is the same
/// everywhere: as many points per polygon as asked (a multipolygon's parts each their share by area, rounded, as
/// PostGIS gives them), each inside its polygon, none for a row that is not a
/// polygon, and the same points for the same seed on one engine (the interpreter and PostGIS).
/// </summary>
[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public sealed class GeneratePointsComponentTests(PostgresServer server)
{
    private const string Program = """
        source t = table "src.t" { id: int64, geom: geography }
        output t | generatepoints geom, 25 as point -> table "o.points"
        """;

    private static TestTable Shapes() => TestTable.Create("src.t", "id int64, geom geography",
        [1L, "POLYGON((0 0, 2 0, 2 2, 0 2, 0 0), (0.5 0.5, 1.5 0.5, 1.5 1.5, 0.5 1.5, 0.5 0.5))"],
        [2L, "MULTIPOLYGON(((10 10, 11 10, 11 11, 10 10)), ((20 20, 21 20, 21 21, 20 20)))"],
        [3L, "LINESTRING(0 0, 1 1)"],
        [4L, null]);

    /// <summary>Points per id, each checked to lie inside its row's polygon.</summary>
    private static Dictionary<long, int> CountInside(IEnumerable<(long Id, Geometry Shape, Geometry Point)> rows)
    {
        var counts = new Dictionary<long, int>();
        foreach (var (id, shape, point) in rows)
        {
            Assert.IsType<Point>(point);
            Assert.True(shape.Contains(point), $"{point} is not inside row {id}'s polygon");
            counts[id] = counts.GetValueOrDefault(id) + 1;
        }
        return counts;
    }

    [Fact]
    public void A_canvas_node_round_trips_through_the_generic_step()
    {
        var c = new TestCanvas();
        var t = c.Source("src.t", "t", "id:int64", "geom:geography");
        var node = c.Node("native.generatepoints", "Points", ("geo", "geom"), ("npoints", 10));
        var save = c.Node("native.saveastable", "Save", ("destination", "out.points"));
        c.Flow(t, node).Flow(node, save);
        var imported = CanvasTestKit.Import(c);
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        var explode = Assert.Single(imported.Workflow!.Nodes.OfType<ExplodeNode>());
        Assert.Equal("st_generatepoints(geom, 10, 1)", explode.Value.ToString());
        var text = Cwf.Tests.Canvas.CanvasTestKit.AssertRoundTrip(imported, "generatepoints");
        Assert.Contains("| generatepoints geom, 10", text);
    }

    [Fact]
    public void PostgreSQL_and_BigQuery_write_it_and_the_others_name_what_they_lack()
    {
        var workflow = Cwf.Tests.Binding.Compilation.Ok(Program);
        foreach (var dialect in Dialects.All)
        {
            var result = Compiler.Compile(workflow, new CompileOptions(dialect));
            var errors = result.Diagnostics.Where(d => d.IsError).ToList();
            if (dialect.Name is "postgres" or "bigquery")
            {
                Assert.Empty(errors);
                Assert.Contains(result.Diagnostics, d => d.Descriptor == DiagnosticCodes.ApproximateTranslation && d.Message.Contains("random points", StringComparison.Ordinal));
                continue;
            }
            // Redshift also lacks the explode that makes rows of the points.
            Assert.All(errors, e => Assert.Equal(DiagnosticCodes.FunctionNotSupported, e.Descriptor));
            Assert.Contains(errors, e => e.Message.Contains("random points in a polygon", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_interpreter_draws_as_many_points_inside_each_polygon_and_the_same_ones_again()
    {
        var workflow = Cwf.Tests.Binding.Compilation.Ok(Program);
        var table = Shapes();
        var input = Database.Empty.With(table.Name, new Table(table.Schema, [.. table.TypedRows()]));
        var first = Interpreter.Run(workflow, input).Outputs.Find(new TableName(["o", "points"]))!;
        var again = Interpreter.Run(workflow, input).Outputs.Find(new TableName(["o", "points"]))!;
        Assert.Equal(["id", "geom", "point"], first.Schema.Names);
        var counts = CountInside(first.Rows.Select(r => ((long)r[0]!, (Geometry)r[1]!, (Geometry)r[2]!)));
        // The multipolygon's two equal triangles get round(12.5) = 13 points each, as on PostGIS.
        Assert.Equal(new Dictionary<long, int> { [1] = 25, [2] = 26 }, counts);
        Assert.Equal(first.Rows.Select(r => r[2]!.ToString()), again.Rows.Select(r => r[2]!.ToString()));
    }

    [Fact]
    public async Task PostgreSQL_draws_as_many_points_inside_each_polygon()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.LoadTableAsync(Shapes());
        var sql = SqlEmitter.Emit(Cwf.Tests.Binding.Compilation.Ok(Program), Dialects.Find("postgres")!).Sql!;
        (await db.RunPsqlAsync(sql)).EnsureSucceeded();
        var rows = await db.QueryAsync("SELECT id, ST_AsText(geom), ST_AsText(point) FROM o.points ORDER BY id");
        var read = rows.Rows.Select(r => (Convert.ToInt64(r[0]), Cwf.Interpretation.Geo.Wkt.TryRead((string)r[1]!, out _)!, Cwf.Interpretation.Geo.Wkt.TryRead((string)r[2]!, out _)!));
        Assert.Equal(new Dictionary<long, int> { [1] = 25, [2] = 26 }, CountInside(read));
    }
}
