using System.Text;
using Cwf.Canvas;
using Cwf.Catalog;
using Cwf.Diagnostics;
using Cwf.Emit;
using Cwf.Interpretation;
using Cwf.Interpretation.Data;
using Cwf.Ir;
using Cwf.Tests.Canvas;
using Cwf.Tests.Infrastructure;
using Cwf.Tests.Snapshots;

namespace Cwf.Tests.Components;

/// <summary>
/// Issue 16's "Done when", checked for every component, group-by method and spatial aggregate it names: a canvas node
/// with the exports' input names imports (the .cwf-only aggregates: a program binds), its decompiled .cwf compiles to
/// the same IR, the interpreter runs it on rows that hold a valid polygon, an invalid bow tie, lines, points and NULLs
/// (the number of rows it writes), and each of the seven dialects writes SQL or refuses with an error that names the
/// warehouse. The example canvases of each category run in process on their data. The matrix is the snapshot
/// (snapshots/issue16_matrix.verified.md): a change in what a warehouse or the interpreter can do shows there.
/// PostGIS against the interpreter: CountryPolygonTests, ExampleRunTests and the PostgreSQL equivalence property.
/// </summary>
public class IssueSixteenMatrixTests
{
    private static readonly string[] Columns =
        ["id:int64", "geom:geography", "other:geography", "line:geography", "ring:geography", "pt:geography", "wkt:string", "region:string"];

    /// <summary>
    /// The source rows: a square, a bow tie (invalid as stored), a polygon with a hole; lines, closed rings, points and
    /// WKT text beside them; a row of NULLs.
    /// </summary>
    private static TestTable Rows() => TestTable.Create("src.t",
        "id int64, geom geography, other geography, line geography, ring geography, pt geography, wkt string, region string",
        [1L, "POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))", "POLYGON((0.5 0.5, 2 0.5, 2 2, 0.5 2, 0.5 0.5))", "LINESTRING(0 0, 1 1, 2 1)",
            "LINESTRING(0 0, 1 0, 1 1, 0 0)", "POINT(0.5 0.5)", "POINT(3 4)", "north"],
        [2L, "POLYGON((0 0, 2 2, 2 0, 0 2, 0 0))", "POLYGON((1 1, 3 1, 3 3, 1 1))", "LINESTRING(10 10, 10.5 10.2)",
            "LINESTRING(0 0, 2 2, 2 0, 0 2, 0 0)", "POINT(1.5 0.5)", "POLYGON((0 0, 1 0, 1 1, 0 0))", "north"],
        [3L, "POLYGON((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 2, 1 1))", "POINT(1 1)", "LINESTRING(0 0, 0 3)",
            "LINESTRING(5 5, 6 5, 6 6, 5 5)", "POINT(2 3)", "LINESTRING(0 0, 1 1)", "south"],
        [4L, null, null, null, null, null, null, null]);

    /// <summary>The polygons of a clip, two overlapping squares.</summary>
    private static TestTable Zones() => TestTable.Create("src.zones", "zone string, shape geography",
        ["a", "POLYGON((0 0, 1.5 0, 1.5 1.5, 0 1.5, 0 0))"], ["b", "POLYGON((1 1, 3 1, 3 3, 1 3, 1 1))"]);

    /// <summary>A row of the matrix: a canvas node between a source and a save, a .cwf program, or an example.</summary>
    private sealed record Entry(string Name, Func<Compiled> Build);

    /// <summary>The workflow, whether it round-trips through .cwf (null: not a canvas), the import's errors, the data to run it on.</summary>
    private sealed record Compiled(Workflow? Workflow, bool? RoundTrips, IReadOnlyList<Diagnostic> ImportErrors, Func<Workflow, Database> Data);

    private static Database Tables(Workflow _) =>
        new[] { Rows(), Zones() }.Aggregate(Database.Empty, (db, t) => db.With(t.Name, new Table(t.Schema, [.. t.TypedRows()])));

    private static Compiled Canvas(string component, params (string, object?)[] values)
    {
        var c = new TestCanvas();
        var source = c.Source("src.t", "t", Columns);
        var node = c.Node(component, "Step", values);
        c.Flow(source, node).Flow(node, c.Node("native.saveastable", "Save", ("destination", "out.t")));
        return FromImport(CanvasTestKit.Import(c), null, Tables);
    }

    /// <summary>A source without a table input (constant rows) saved as it is.</summary>
    private static Compiled Alone(string component, params (string, object?)[] values)
    {
        var c = new TestCanvas();
        var node = c.Node(component, "Step", values);
        c.Flow(node, c.Node("native.saveastable", "Save", ("destination", "out.t")));
        return FromImport(CanvasTestKit.Import(c), null, Tables);
    }

    private static Compiled Clip()
    {
        var c = new TestCanvas();
        var source = c.Source("src.t", "t", Columns);
        var zones = c.Source("src.zones", "zones", "zone:string", "shape:geography");
        var node = c.Node("native.clipwithpolygons", "Step", ("source_geo", "geom"), ("polygons_geo", "shape"));
        c.Flow(source, node).Flow(zones, node, "polygons").Flow(node, c.Node("native.saveastable", "Save", ("destination", "out.t")));
        return FromImport(CanvasTestKit.Import(c), null, Tables);
    }

    /// <summary>An example canvas, run on its own data folder.</summary>
    private static Compiled Example(string name) =>
        FromImport(CanvasTestKit.ImportExample(name), CanvasTestKit.Catalog(name), workflow =>
        {
            var load = DataDirectory.Load(Path.Combine(CanvasTestKit.ExamplesDirectory, name, "data"), workflow);
            Assert.True(load.Succeeded, string.Join("\n", load.Diagnostics));
            return load.Tables;
        });

    private static Compiled FromImport(CanvasImportResult imported, SchemaCatalog? catalog, Func<Workflow, Database> data)
    {
        var errors = DoneWhenMatrix.ImportErrors(imported);
        if (imported.Workflow is null || imported.HasErrors) return new Compiled(null, null, errors, data);
        return new Compiled(imported.Workflow, DoneWhenMatrix.RoundTrips(imported, catalog), errors, data);
    }

    private static Compiled Program(string step)
    {
        var result = CwfTestKit.Compile($$"""
            source t = table "src.t" { id: int64, geom: geography, other: geography, line: geography, ring: geography, pt: geography, wkt: string, region: string }
            output t | {{step}} -> table "out.t"
            """);
        return new Compiled(result.HasErrors ? null : result.Workflow, null, [.. result.Diagnostics.Where(d => d.IsError)], Tables);
    }

    private static IEnumerable<Entry> Entries() =>
    [
        // Measures.
        new("native.length", () => Canvas("native.length", ("geo", "line"), ("units", "Kilometers"))),
        new("native.perimeter", () => Canvas("native.perimeter", ("geo", "geom"), ("units", "Meters"))),
        new("native.numpoints", () => Canvas("native.numpoints", ("geo", "geom"))),
        new("native.numgeometries", () => Canvas("native.numgeometries", ("geo", "geom"))),
        new("native.geometrytype", () => Canvas("native.geometrytype", ("geo", "geom"))),
        new("native.xycoords", () => Canvas("native.xycoords", ("geo", "pt"))),
        new("native.pointn", () => Canvas("native.pointn", ("geo", "line"), ("index", 2))),
        // Constructors and parsers.
        new("native.makeline", () => Canvas("native.makeline", ("pointscol", "pt"), ("ordercol", "id"), ("groupby", "region"))),
        new("native.makepolygon", () => Canvas("native.makepolygon", ("geo", "ring"))),
        new("native.boundingbox", () => Canvas("native.boundingbox", ("geo", "geom"))),
        new("native.bboxfromvalues", () => Alone("native.bboxfromvalues", ("minx", -10), ("miny", 35.5), ("maxx", 5), ("maxy", 44))),
        new("native.pointfromstaticlatlon", () => Alone("native.pointfromstaticlatlon", ("lon", 106.8), ("lat", -6.2))),
        new("native.geogfromtext", () => Canvas("native.geogfromtext", ("text", "wkt"))),
        new("native.geogfromstatictext", () => Alone("native.geogfromstatictext", ("text", "POLYGON((0 0, 2 2, 2 0, 0 2, 0 0))"))),
        new("native.asgeojson", () => Canvas("native.asgeojson", ("geo", "geom"))),
        new("native.aswkt", () => Canvas("native.aswkt", ("geo", "geom"))),
        new("native.tablefromgeojson", () => Alone("native.tablefromgeojson", ("geojson",
            """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"a","pop":3},"geometry":{"type":"Point","coordinates":[1,2]}},{"type":"Feature","properties":{"name":"b"},"geometry":null}]}"""))),
        new("native.setsrid", () => Canvas("native.setsrid", ("geo", "geom"), ("srid", 4326))),
        new("native.lineinterpolatepoint", () => Canvas("native.lineinterpolatepoint", ("geo", "line"), ("fraction", 0.25))),
        new("native.destination", () => Canvas("native.destination", ("geo", "pt"), ("distance", 3), ("bearing", 45), ("units", "Kilometers"))),
        new("native.generatepoints", () => Canvas("native.generatepoints", ("geo", "geom"), ("npoints", 5))),
        // Overlays and shape operations.
        new("native.intersection", () => Canvas("native.intersection", ("geo1", "geom"), ("geo2", "other"))),
        new("native.difference", () => Canvas("native.difference", ("geo1", "geom"), ("geo2", "other"))),
        new("native.clipwithpolygons", Clip),
        new("native.boundary", () => Canvas("native.boundary", ("geo", "geom"))),
        new("native.convexhull", () => Canvas("native.convexhull", ("geo", "geom"))),
        new("native.concavehull", () => Canvas("native.concavehull", ("geo", "geom"), ("ratio", 0.2))),
        new("native.simplify", () => Canvas("native.simplify", ("geo", "geom"), ("tolerance", 2), ("units", "Kilometers"))),
        new("native.snaptogrid", () => Canvas("native.snaptogrid", ("geo", "geom"), ("size", 0.5))),
        new("native.removeholes", () => Canvas("native.removeholes", ("geo", "geom"))),
        new("native.dump", () => Canvas("native.dump", ("geo", "geom"))),
        new("native.polygonize", () => Canvas("native.polygonize", ("geo", "ring"))),
        new("native.extent", () => Canvas("native.extent", ("geo", "geom"))),
        // Spatial aggregates: the component, the group-by methods, the .cwf aggregates the canvas list does not offer.
        new("native.dissolve", () => Canvas("native.dissolve", ("geo", "geom"), ("groupby", "region"))),
        new("native.groupby combine, convexhull, centroid", () => Canvas("native.groupby", ("columns", "geom,combine,geom,convexhull,pt,centroid"), ("groupby", "region"))),
        new("native.summarize combine", () => Canvas("native.summarize", ("columns", "geom,combine"))),
        new("st_collect, st_extent, st_makeline_agg (.cwf)",
            () => Program("group by region { c: st_collect(geom), e: st_extent(geom), l: st_makeline_agg(pt order by id) }")),
        // One example canvas per category, run on its data.
        new("examples/canvas/country_measures", () => Example("country_measures")),
        new("examples/canvas/site_constructors", () => Example("site_constructors")),
        new("examples/canvas/study_area", () => Example("study_area")),
        new("examples/canvas/zone_overlays", () => Example("zone_overlays")),
        new("examples/canvas/country_parts", () => Example("country_parts")),
        new("examples/canvas/regions_and_tracks", () => Example("regions_and_tracks")),
    ];

    /// <summary>The interpreter's run: the rows of every output table (summed), or the error codes.</summary>
    private static string InProcess(Workflow workflow, Database data, List<string> failures, string name)
    {
        var run = Interpreter.Run(workflow, data);
        var errors = run.Diagnostics.Where(d => d.IsError).ToList();
        if (errors.Count > 0)
        {
            failures.Add($"{name}: {string.Join("; ", errors)}");
            return string.Join(" ", errors.Select(e => e.Code).Distinct().Order(StringComparer.Ordinal));
        }
        return $"{workflow.Sinks.Sum(s => run.Outputs.Find(s.Table)!.Rows.Count)} rows";
    }

    [Fact]
    public void Every_item_of_issue_16_imports_round_trips_runs_in_process_and_compiles_or_names_the_warehouse()
    {
        var table = new StringBuilder();
        table.Append("| item | import | .cwf round trip | in process | ").AppendJoin(" | ", Dialects.All.Select(d => d.Name)).Append(" |\n");
        table.Append("|---|---|---|---|").Append(string.Concat(Dialects.All.Select(_ => "---|"))).Append('\n');
        var failures = new List<string>();
        foreach (var entry in Entries())
        {
            var compiled = entry.Build();
            var import = compiled.ImportErrors.Count == 0 ? "ok" : string.Join(" ", compiled.ImportErrors.Select(e => e.Code).Distinct());
            if (compiled.ImportErrors.Count > 0) failures.Add($"{entry.Name}: {CanvasTestKit.Describe(compiled.ImportErrors)}");
            var roundTrip = compiled.RoundTrips switch { true => "yes", false => "NO", null => "n/a" };
            if (compiled.RoundTrips == false) failures.Add($"{entry.Name}: the decompiled .cwf builds another IR");
            var cells = compiled.Workflow is { } workflow
                ? Dialects.All.Select(d => DoneWhenMatrix.Cell(workflow, d, failures).Cell)
                : Dialects.All.Select(_ => "-");
            var inProcess = compiled.Workflow is { } w ? InProcess(w, compiled.Data(w), failures, entry.Name) : "-";
            table.Append($"| {entry.Name} | {import} | {roundTrip} | {inProcess} | ").AppendJoin(" | ", cells).Append(" |\n");
        }
        Assert.True(failures.Count == 0, "import errors, round trips that differ, errors in process, or errors that do not name the warehouse:\n" + string.Join("\n", failures));
        Snapshot.Match(table.ToString(), "issue16_matrix", "md");
    }
}
