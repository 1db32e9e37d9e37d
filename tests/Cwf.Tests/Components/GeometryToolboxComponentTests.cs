using Cwf.Binding;
using Cwf.Canvas;
using Cwf.Catalog;
using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Formatting;
using Cwf.Ir;
using Cwf.Tests.Canvas;
using Cwf.Tests.Snapshots;
using Cwf.Text;

namespace Cwf.Tests.Components;

/// <summary>
/// The geometry toolbox's components (issue 16), each on its own: canvas import, the decompiled generic
/// step, formatting, the round trip (canvas → IR equals canvas → .cwf → IR), the IR it builds, and
/// compilation for every dialect (SQL, or the precise capability diagnostic naming the warehouse).
/// </summary>
public class GeometryToolboxComponentTests
{
    private static readonly string[] Columns = ["id:int64", "geom:geography", "other:geography", "wkt:string"];

    /// <summary>Each component with its canvas values, the step it decompiles to, and the added column's expression.</summary>
    public static TheoryData<string, (string, object?)[], string, string> Components() => new()
    {
        { "native.length", [("geo", "geom"), ("units", "Kilometers")], "length geom { units: 'Kilometers' }", "geom_length = (st_length(geom) / 1000.0)" },
        { "native.perimeter", [("geo", "geom"), ("units", "Meters")], "perimeter geom", "geom_perimeter = st_perimeter(geom)" },
        { "native.numpoints", [("geo", "geom")], "numpoints geom", "geom_numpoints = st_npoints(geom)" },
        { "native.numgeometries", [("geo", "geom")], "numgeometries geom", "geom_numgeometries = st_numgeometries(geom)" },
        { "native.geometrytype", [("geo", "geom")], "geometrytype geom", "geom_type = st_geometrytype(geom)" },
        { "native.pointn", [("geo", "geom"), ("index", 2)], "pointn geom, 2", "geom_pointn = st_pointn(geom, 2)" },
        { "native.makepolygon", [("geo", "geom")], "makepolygon geom", "geom_polygon = st_makepolygon(geom)" },
        { "native.boundingbox", [("geo", "geom")], "boundingbox geom", "geom_bbox = st_envelope(geom)" },
        { "native.asgeojson", [("geo", "geom")], "asgeojson geom", "geom_geojson = st_asgeojson(geom)" },
        { "native.aswkt", [("geo", "geom")], "aswkt geom", "geom_wkt = st_astext(geom)" },
        { "native.geogfromtext", [("text", "wkt")], "geogfromtext wkt", "wkt_geo = st_geogfromtext(wkt)" },
        { "native.lineinterpolatepoint", [("geo", "geom"), ("fraction", 0.25)], "lineinterpolatepoint geom, 0.25", "geom_point = st_lineinterpolatepoint(geom, 0.25)" },
        { "native.destination", [("geo", "geom"), ("distance", 3), ("bearing", 45), ("units", "Kilometers")], "destination geom, 3, 45 { units: 'Kilometers' }", "geom_destination = st_destination(geom, 3000.0, 45)" },
        { "native.intersection", [("geo1", "geom"), ("geo2", "other")], "intersection geom, other", "intersection = st_intersection(geom, other)" },
        { "native.difference", [("geo1", "geom"), ("geo2", "other")], "difference geom, other", "difference = st_difference(geom, other)" },
        { "native.boundary", [("geo", "geom")], "boundary geom", "geom_boundary = st_boundary(geom)" },
        { "native.convexhull", [("geo", "geom")], "convexhull geom", "geom_convexhull = st_convexhull(geom)" },
        { "native.concavehull", [("geo", "geom"), ("ratio", 0.2)], "concavehull geom { ratio: 0.2 }", "geom_concavehull = st_concavehull(geom, 0.2)" },
        { "native.simplify", [("geo", "geom"), ("tolerance", 2), ("units", "Miles")], "simplify geom, 2 { units: 'Miles' }", "geom_simplified = st_simplify(geom, 3218.688)" },
        { "native.snaptogrid", [("geo", "geom"), ("size", 0.001)], "snaptogrid geom, 0.001", "geom_snapped = st_snaptogrid(geom, 0.001)" },
        { "native.removeholes", [("geo", "geom")], "removeholes geom", "geom_noholes = st_removeholes(geom)" },
    };

    private static CanvasImportResult Import(string component, (string, object?)[] values) => CanvasTestKit.ImportStep(component, Columns, values);

    [Theory]
    [MemberData(nameof(Components))]
    public void A_canvas_node_imports_decompiles_and_round_trips(string component, (string, object?)[] values, string step, string column) =>
        ComponentStepAssert.RoundTrips(Import(component, values), step, column);

    [Theory]
    [MemberData(nameof(Components))]
    public void Every_dialect_compiles_the_component_or_names_what_it_lacks(string component, (string, object?)[] values, string step, string column)
    {
        _ = (step, column);
        ComponentStepAssert.CompilesOrNamesWhatItLacks(Import(component, values).Workflow!);
    }

    /// <summary>
    /// The components that this list's theories do not hold (they add several columns, pass the rows through,
    /// explode or aggregate): the audit of issue 16's "Done when" compiles each on every dialect too
    /// (<c>native.generatepoints</c> has its own test: Redshift lacks both its function and its explosion).
    /// </summary>
    public static TheoryData<string, (string, object?)[]> OtherComponents() => new()
    {
        { "native.xycoords", [("geo", "geom")] },
        { "native.setsrid", [("geo", "geom"), ("srid", 4326)] },
        { "native.makeline", [("pointscol", "geom"), ("ordercol", "id")] },
        { "native.extent", [("geo", "geom")] },
        { "native.dissolve", [("geo", "geom")] },
    };

    [Theory]
    [MemberData(nameof(OtherComponents))]
    public void The_other_components_compile_on_every_dialect_or_name_what_it_lacks(string component, (string, object?)[] values)
    {
        var imported = Import(component, values);
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        ComponentStepAssert.CompilesOrNamesWhatItLacks(imported.Workflow!);
    }

    [Fact]
    public void The_postgres_translation_of_every_toolbox_function_is_pinned()
    {
        var text = """
            source t = table "src.t" { id: int64, geom: geography, other: geography, wkt: string }
            output t
              | perimeter geom
              | numpoints geom
              | numgeometries geom
              | geometrytype geom
              | pointn geom, -1
              | makepolygon geom
              | boundingbox geom
              | asgeojson geom
              | geogfromtext wkt
              | lineinterpolatepoint geom, 0.5
              | destination geom, 1 km, 90
              | intersection geom, other
              | difference geom, other
              | boundary geom
              | convexhull geom
              | concavehull geom { ratio: 0.3 }
              | simplify geom, 100 m
              | snaptogrid geom, 0.01
              | removeholes geom
              | xycoords geom
              | derive line = st_makeline(geom, other), box = st_makeenvelope(0, 0, 1, 1)
              -> table "out.t"
            """;
        var sql = Compiler.Compile(CwfTestKit.Bind(text), new CompileOptions(Dialects.Find("postgres")!) { Optimize = false }).Sql!;
        Snapshot.Match(sql, "geometry-toolbox-postgres", "sql");
    }

    [Theory]
    [InlineData("setsrid geom, 3857", "2:26 CWF2300", "SRID 3857 is not supported")]
    [InlineData("setsrid wkt, 4326", "2:20 CWF2801", "column 'wkt' is string, but a geography column is expected here")]
    [InlineData("intersection geom, wkt", "2:31 CWF2801", "column 'wkt' is string")]
    [InlineData("geogfromtext geom", "2:25 CWF2801", "column 'geom' is geography, but a string column is expected here")]
    [InlineData("pointn geom, 'last'", "2:25 CWF2850", "'index' must be a whole number")]
    [InlineData("simplify geom", "2:12 CWF2850", "'simplify' needs 'tolerance'")]
    [InlineData("length geom { units: 'Parsecs' }", "2:33 CWF2850", "'Parsecs' is not an option of 'units'")]
    [InlineData("dump wkt", "2:17 CWF2801", "column 'wkt' is string, but a geography column is expected here")]
    [InlineData("dump", "2:12 CWF2850", "'dump' needs 'geo'")]
    [InlineData("dump geom, wkt", "2:23 CWF2850", "'dump' takes 1 argument")]
    [InlineData("generatepoints geom, 2.5", "2:33 CWF2850", "'npoints' must be a whole number")]
    public void Mistakes_in_a_toolbox_step_are_reported_at_the_value(string step, string expected, string message)
    {
        CwfTestKit.AssertSingleError(CwfTestKit.Pipeline("id: int64, geom: geography, wkt: string", step), expected, message);
    }

    [Fact]
    public void Set_srid_4326_passes_the_rows_through_and_a_canvas_srid_elsewhere_is_reported_at_the_node()
    {
        var ok = Import("native.setsrid", [("geo", "geom"), ("srid", 4326)]);
        Assert.False(ok.HasErrors, CanvasTestKit.Describe(ok.Diagnostics));
        Assert.Empty(ok.Workflow!.Nodes.OfType<ProjectNode>());
        var bad = Import("native.setsrid", [("geo", "geom"), ("srid", 3857)]);
        var error = Assert.Single(bad.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.UnsupportedSrid, error.Descriptor);
        Assert.Contains("WGS84", error.Message);
    }

    [Fact]
    public void The_toolbox_functions_resolve_by_their_names_not_to_a_suggestion()
    {
        foreach (var name in new[] { "st_intersection", "st_difference", "st_simplify", "st_convexhull", "st_aswkt", "st_numpoints", "st_boundingbox" })
            Assert.NotNull(FunctionCatalog.Find(name));
        CwfTestKit.Bind(CwfTestKit.Pipeline("g: geography, h: geography", "derive i = st_intersection(g, h), p = perimeter(g) + 1 km"));
        var area = CwfTestKit.Compile(CwfTestKit.Pipeline("g: geography", "derive p = st_perimeter(g) > 2 km2"));
        Assert.Contains(area.Diagnostics, d => d.Descriptor == DiagnosticCodes.WrongUnit);
    }
}
