using Cwf.Binding;
using Cwf.Canvas;
using Cwf.Catalog;
using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Formatting;
using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Tests.Canvas;
using Cwf.Tests.Equivalence.Regressions;
using Cwf.Tests.Infrastructure;
using Cwf.Text;

namespace Cwf.Tests.Components;

/// <summary>
/// <c>native.polygonize</c> (<c>st_polygonize</c>) and <c>native.clipwithpolygons</c>: import and round trip,
/// every dialect (or CWF6002 naming the warehouse), the interpreter's rows.
/// </summary>
public class PolygonizeAndClipTests
{
    [Fact]
    public void Polygonize_adds_the_polygons_and_round_trips()
    {
        var imported = CanvasTestKit.ImportStep("native.polygonize", ["id:int64", "lines:geography"], ("geo", "lines"));
        var project = Assert.Single(imported.Workflow!.Nodes.OfType<ProjectNode>());
        Assert.Equal("st_polygonize(lines)", project.Columns.Single(c => c.Name == "lines_polygonize").Expr.ToString());
        CanvasTestKit.AssertRoundTrip(imported, "polygonize lines");
    }

    private static CanvasImportResult ImportClip()
    {
        var c = new TestCanvas();
        var roads = c.Source("src.roads", "roads", "id:int64", "geom:geography");
        var zones = c.Source("src.zones", "zones", "name:string", "shape:geography");
        var clip = c.Node("native.clipwithpolygons", "Clipped", ("source_geo", "geom"), ("polygons_geo", "shape"));
        c.Flow(roads, clip).Flow(zones, clip, "polygons").Flow(clip, c.Node("native.saveastable", "Save", ("destination", "out.t")));
        return CanvasTestKit.Import(c);
    }

    [Fact]
    public void Clip_with_polygons_intersects_each_row_with_the_union_and_round_trips()
    {
        var imported = ImportClip();
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        var workflow = imported.Workflow!;
        var union = Assert.Single(workflow.Nodes.OfType<AggregateNode>());
        Assert.Equal(AggregateFunction.Union, Assert.Single(union.Aggregates).Function);
        Assert.Equal("st_intersects(geom, [1].cwf_clip_mask)", Assert.Single(workflow.Nodes.OfType<JoinNode>()).Condition.ToString());
        var project = Assert.Single(workflow.Nodes.OfType<ProjectNode>());
        Assert.Equal(["id", "geom"], project.Schema.Names);
        Assert.Equal("st_intersection(geom, cwf_clip_mask)", project.Columns[1].Expr.ToString());
        CanvasTestKit.AssertRoundTrip(imported, "clipwithpolygons zones, geom, shape");
    }

    [Fact]
    public void Clip_with_polygons_reports_a_column_that_is_not_a_geography()
    {
        var result = CwfTestKit.Compile("source r = table \"s.r\" { id: int64, geom: geography }\nsource z = table \"s.z\" { shape: string }\noutput r | clipwithpolygons z, geom, shape -> table \"o.t\"\n");
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Descriptor == DiagnosticCodes.ColumnTypeMismatch && d.Message.Contains("'shape'"));
    }

    private const string Program = """
        source r = table "s.r" { id: int64, geom: geography }
        source z = table "s.z" { shape: geography }
        output r | polygonize geom | clipwithpolygons z, geom, shape -> table "o.t"
        """;

    public static TheoryData<string> DialectNames => [.. Dialects.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Every_dialect_writes_them_or_names_what_it_lacks(string name)
    {
        var result = Compiler.Compile(CwfTestKit.Bind(Program), new CompileOptions(Dialects.Find(name)!) { Optimize = false });
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        if (name is "postgres" or "duckdb")
        {
            Assert.Empty(errors);
            Assert.Contains(name == "postgres" ? "ST_Polygonize(ARRAY[" : "ST_Polygonize([", result.Sql);
            return;
        }
        var error = Assert.Single(errors, e => e.Message.Contains("st_polygonize"));
        Assert.Equal(DiagnosticCodes.FunctionNotSupported, error.Descriptor);
        Assert.Contains(Dialects.Find(name)!.DisplayName, error.Message);
    }
}

/// <summary>Polygonize and clip on PostGIS give the interpreter's rows.</summary>
[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public sealed class PolygonizeAndClipExecutionTests(PostgresServer server)
{
    [Fact]
    public Task Polygonized_fields_one_row_each()
    {
        var input = TestTable.Create("fences", "id int64, geo geography",
            [1L, "MULTILINESTRING((0 0, 1 0, 1 1), (1 1, 0 1, 0 0))"],
            [2L, "MULTILINESTRING((0 0, 2 0, 2 2), (2 2, 0 2, 0 0), (0 0, 2 2))"],
            [3L, "LINESTRING(0 0, 1 1)"]);
        var w = new Workflows(input);
        var polygons = w.Project(("id", w.Col("id")), ("fields", ExprFactory.Call(Functions.Polygonize, w.Col("geo"))));
        var parts = w.Builder.Explode(polygons, ExprFactory.Column(w.Builder.SchemaOf(polygons)[1]), "fields", ExplodeKind.GeometryParts, "parts").Id;
        return RegressionCase.Of(w.Sink(parts, "out").Build(), input)
            .Expect("out", RowSet.Of(["id", "fields"],
                [1L, RowSet.Geo("POLYGON((0 0,0 1,1 1,1 0,0 0))")],
                [2L, RowSet.Geo("POLYGON((0 0,0 2,2 2,0 0))")],
                [2L, RowSet.Geo("POLYGON((0 0,2 2,2 0,0 0))")]))
            .AssertPostgresAsync(server);
    }

    [Fact]
    public Task Clipped_by_the_union_of_the_polygons()
    {
        var text = """
            source roads = values { id: int64 not null, geom: geography } [
              (1, st_geogfromtext('LINESTRING(-1 0.5, 3 0.5)')),
              (2, st_geogfromtext('LINESTRING(5 5, 6 6)')),
              (3, st_point(0.5, 0.5)),
              (4, null),
            ]
            source zones = values { shape: geography } [
              (st_geogfromtext('POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))')),
              (st_geogfromtext('POLYGON((1 0, 2 0, 2 1, 1 1, 1 0))')),
            ]
            output roads | clipwithpolygons zones, geom, shape -> table "out" mode replace
            """;
        return RegressionCase.Of(CwfTestKit.Bind(text))
            .Expect("out", RowSet.Of(["id", "geom"], [1L, RowSet.Geo("LINESTRING(0 0.5,2 0.5)")], [3L, RowSet.Geo("POINT(0.5 0.5)")]))
            .AssertPostgresAsync(server);
    }
}
