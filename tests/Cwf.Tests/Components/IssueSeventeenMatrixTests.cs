using System.Text;
using Cwf.Canvas;
using Cwf.Catalog;
using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Tests.Canvas;
using Cwf.Tests.Snapshots;

namespace Cwf.Tests.Components;

/// <summary>
/// Issue 17's "Done when", checked for every component it names: a canvas node with the exports' input names
/// imports (or, for the .cwf-only cell steps and functions, a program binds), its decompiled .cwf compiles to the
/// same IR, and each of the seven dialects writes SQL or refuses with an error that names the warehouse. The
/// matrix is the snapshot (snapshots/issue17_matrix.verified.md, the short form in spec/canvas.md): a change in
/// what a warehouse can do shows there.
/// </summary>
public class IssueSeventeenMatrixTests
{
    private static readonly string[] Columns =
        ["id:int64", "value:float64", "address:string", "h3:string", "quadbin:int64", "geom:geography", "shape:geography"];

    /// <summary>A row of the matrix: a canvas node between a source and a save, or a .cwf program.</summary>
    private sealed record Entry(string Name, Func<Compiled> Build);

    /// <summary>The workflow to compile, whether it round-trips through .cwf (null: not a canvas), and the import's errors.</summary>
    private sealed record Compiled(Workflow? Workflow, bool? RoundTrips, IReadOnlyList<Diagnostic> ImportErrors);

    private static Compiled Canvas(string component, string output, params (string, object?)[] values) =>
        Canvas(component, output, Columns, values);

    private static Compiled Canvas(string component, string output, string[] columns, params (string, object?)[] values)
    {
        var c = new TestCanvas();
        var source = c.Source("src.t", "t", columns);
        var node = c.Node(component, "Step", values);
        var save = c.Node("native.saveastable", "Save", ("destination", "out.t"));
        c.Flow(source, node).Edge(node, output, save, "source");
        return FromCanvas(c);
    }

    private static Compiled TwoTables(string component, params (string, object?)[] values)
    {
        var c = new TestCanvas();
        var zones = c.Source("src.zones", "zones", "zone:string", "shape:geography");
        var points = c.Source("src.t", "t", Columns);
        var node = c.Node(component, "Step", values);
        var save = c.Node("native.saveastable", "Save", ("destination", "out.t"));
        c.Flow(zones, node, "polygons").Flow(points, node, "points").Flow(node, save);
        return FromCanvas(c);
    }

    /// <summary>An enrichment node: the matrix's table as the target, zones with a value as the source.</summary>
    private static Compiled Enrich(string component, params (string, object?)[] values)
    {
        var c = new TestCanvas();
        var target = c.Source("src.t", "t", Columns);
        var zones = c.Source("src.zones", "zones", "pop:float64", "zone_shape:geography");
        var node = c.Node(component, "Step", values);
        var save = c.Node("native.saveastable", "Save", ("destination", "out.t"));
        c.Flow(target, node, "target").Flow(zones, node, "source").Flow(node, save);
        return FromCanvas(c);
    }

    /// <summary>A node without a table input (Import from URL) saved as it is.</summary>
    private static Compiled Alone(string component, params (string, object?)[] values)
    {
        var c = new TestCanvas();
        var node = c.Node(component, "Step", values);
        var save = c.Node("native.saveastable", "Save", ("destination", "out.t"));
        c.Flow(node, save);
        return FromCanvas(c);
    }

    /// <summary>A node that writes a table of its own (a tileset), with nothing after it.</summary>
    private static Compiled Writing(string component, params (string, object?)[] values)
    {
        var c = new TestCanvas();
        var source = c.Source("src.t", "t", Columns);
        c.Flow(source, c.Node(component, "Step", values));
        return FromCanvas(c);
    }

    private static Compiled FromCanvas(TestCanvas c) =>
        FromImport(CanvasTestKit.Import(c));

    private static Compiled FromImport(CanvasImportResult imported, SchemaCatalog? catalog = null)
    {
        var errors = DoneWhenMatrix.ImportErrors(imported);
        if (imported.Workflow is null || imported.HasErrors) return new Compiled(null, null, errors);
        return new Compiled(imported.Workflow, DoneWhenMatrix.RoundTrips(imported, catalog), errors);
    }

    private static Compiled Program(string step)
    {
        var result = CwfTestKit.Compile($$"""
            source t = table "src.t" { id: int64, value: float64, h3: string, quadbin: int64, geom: geography }
            output t | {{step}} -> table "out.t"
            """);
        return new Compiled(result.HasErrors ? null : result.Workflow, null, [.. result.Diagnostics.Where(d => d.IsError)]);
    }

    private static readonly (string, object?)[] IsolinesInputs =
        [("geo", "geom"), ("mode", "car"), ("type", "distance"), ("range", 2500), ("customoptions", ""), ("traveltime_single_shape", true)];

    private static IEnumerable<Entry> Entries() =>
    [
        new("native.clusterkmeans", () => Canvas("native.clusterkmeans", "result", ("geo", "geom"), ("nclusters", "3"))),
        new("native.clusterdbscan", () => Canvas("native.clusterdbscan", "result", ("geo", "geom"), ("radius", 100), ("min_geog", "3"))),
        new("native.voronoi", () => Canvas("native.voronoi", "result", ("geo", "geom"), ("returnlines", false))),
        new("native.delaunay", () => Canvas("native.delaunay", "result", ("geo", "geom"), ("returnlines", false))),
        new("native.countpointsinpolygons", () => TwoTables("native.countpointsinpolygons", ("points_geo", "geom"), ("polygons_geo", "shape"), ("polygons_id", "zone"))),
        new("native.pointstatsinpolygons", () => TwoTables("native.pointstatsinpolygons", ("points_geo", "geom"), ("polygons_geo", "shape"), ("points_column", "value"), ("polygons_id", "zone"))),
        new("native.creategrid", () => Canvas("native.creategrid", "result", ("geo", "geom"), ("interval", 0.25))),
        new("native.h3frompoint", () => Canvas("native.h3frompoint", "result", ("pointscol", "geom"), ("resolution", 8))),
        new("native.h3boundary", () => Canvas("native.h3boundary", "result", ("h3", "h3"))),
        new("native.h3center", () => Canvas("native.h3center", "result", ("h3col", "h3"))),
        new("native.h3distance", () => Canvas("native.h3distance", "result", ("h3_1", "h3"), ("h3_2", "h3"))),
        new("native.h3polyfill center", () => Canvas("native.h3polyfill", "result", ("geo", "shape"), ("resolution", 8), ("includecols", false), ("mode", "center"))),
        new("native.h3polyfill intersects", () => Canvas("native.h3polyfill", "result", ("geo", "shape"), ("resolution", 8), ("includecols", true), ("mode", "intersects"))),
        new("native.h3polyfill contains", () => Canvas("native.h3polyfill", "result", ("geo", "shape"), ("resolution", 8), ("includecols", false), ("mode", "contains"))),
        new("h3kring (.cwf)", () => Program("h3kring h3, 2")),
        new("h3tochildren (.cwf)", () => Program("h3tochildren h3, 10")),
        new("h3_to_parent, h3_resolution, h3_is_valid, h3_distance (.cwf)",
            () => Program("derive p = h3_to_parent(h3, 5), r = h3_resolution(h3), v = h3_is_valid(h3), d = h3_distance(h3, h3)")),
        new("native.quadbinfrompoint", () => Canvas("native.quadbinfrompoint", "result", ("pointscol", "geom"), ("resolution", 12))),
        new("native.quadbinboundary", () => Canvas("native.quadbinboundary", "result", ("quadbin", "quadbin"))),
        new("native.quadbincenter", () => Canvas("native.quadbincenter", "result", ("quadbin", "quadbin"))),
        new("native.quadbinpolyfill", () => Canvas("native.quadbinpolyfill", "result", ("geo", "shape"), ("resolution", 12))),
        new("quadbinkring (.cwf)", () => Program("quadbinkring quadbin, 1")),
        new("quadbintochildren (.cwf)", () => Program("quadbintochildren quadbin, 14")),
        new("quadbin_to_parent, quadbin_resolution (.cwf)", () => Program("derive p = quadbin_to_parent(quadbin, 5), r = quadbin_resolution(quadbin)")),
        new("native.isolines", () => Canvas("native.isolines", "result", IsolinesInputs)),
        // Geocoding adds geom: its input has none (CWF2872 otherwise).
        new("native.geocode", () => Canvas("native.geocode", "match", ["id:int64", "address:string"], ("address", "address"), ("country", "Spain"))),
        new("native.getisord", () => Canvas("native.getisord", "result", ("indexcol", "h3"), ("valuecol", "value"), ("kernel", "gaussian"), ("size", 3))),
        new("native.localmoransi", () => Canvas("native.localmoransi", "result", ("indexcol", "h3"), ("valuecol", "value"), ("size", 3), ("decay", "uniform"), ("permutations", 99))),
        new("native.moransi", () => Canvas("native.moransi", "result", ("indexcol", "h3"), ("valuecol", "value"), ("size", 1), ("decay", "exponential"))),
        new("native.enrichpolygons", () => Enrich("native.enrichpolygons", ("target_col", "shape"), ("source_col", "zone_shape"), ("variables", "pop,sum"))),
        new("native.enrichpoints", () => Enrich("native.enrichpoints", ("target_col", "geom"), ("source_col", "zone_shape"), ("variables", "pop,avg"))),
        new("native.h3enrich", () => Enrich("native.h3enrich", ("target_col", "h3"), ("source_col", "zone_shape"), ("variables", "pop,sum"), ("kring", 0), ("decay", "uniform"))),
        new("native.createtileset", () => Writing("native.createtileset", ("destination", "proj.maps.tiles"), ("geo", "geom"), ("zoom_min", "0"), ("zoom_max", "12"))),
        // A source made by a procedure (the toolbox's IMPORT_URL): no input, its columns the file's.
        new("native.importurl", () => Alone("native.importurl", ("url", "https://example.com/stations.csv"), ("autoguessing", true))),
        // The "real-looking canvas mixing polyfill, clustering and Voronoi" (examples/canvas/store_catchments).
        new("examples/canvas/store_catchments", () => FromImport(CanvasTestKit.ImportExample("store_catchments"), CanvasTestKit.Catalog("store_catchments"))),
    ];

    /// <summary>What a dialect does: <c>SQL</c>, with the warnings that matter (toolbox or extension, approximation), or the error codes.</summary>
    private static string Cell(Workflow workflow, Dialect dialect, List<string> imprecise)
    {
        var (cell, sql) = DoneWhenMatrix.Cell(workflow, dialect, imprecise);
        if (sql is not null) AssertToolboxLocationHonoured(workflow, dialect, sql, imprecise);
        return cell;
    }

    /// <summary>
    /// Issue 17: the toolbox location is configurable. SQL that uses the toolbox at its default location must, with
    /// another one given (--toolbox), use that one everywhere: every procedure call and every function.
    /// </summary>
    private static void AssertToolboxLocationHonoured(Workflow workflow, Dialect dialect, string sql, List<string> failures)
    {
        if (dialect.DefaultToolbox is not { } standard) return;
        var standardPrefix = dialect.ToolboxPrefix(standard) + ".";
        if (!sql.Contains(standardPrefix, StringComparison.Ordinal)) return;
        var elsewhere = new TableName(["cwf_tools", "at"]);
        var moved = Compiler.Compile(workflow, new CompileOptions(dialect) { Toolbox = elsewhere }).Sql ?? "";
        if (moved.Contains(standardPrefix, StringComparison.Ordinal) || !moved.Contains(dialect.ToolboxPrefix(elsewhere) + ".", StringComparison.Ordinal))
            failures.Add($"{dialect.Name}: --toolbox cwf_tools.at is not the only toolbox location in:\n{moved}");
    }

    [Fact]
    public void Every_component_of_issue_17_imports_round_trips_and_compiles_or_names_the_warehouse()
    {
        var table = new StringBuilder();
        table.Append("| component | import | .cwf round trip | in process | ").AppendJoin(" | ", Dialects.All.Select(d => d.Name)).Append(" |\n");
        table.Append("|---|---|---|---|").Append(string.Concat(Dialects.All.Select(_ => "---|"))).Append('\n');
        var imprecise = new List<string>();
        foreach (var entry in Entries())
        {
            var compiled = entry.Build();
            var import = compiled.ImportErrors.Count == 0 ? "ok" : string.Join(" ", compiled.ImportErrors.Select(e => e.Code).Distinct());
            var roundTrip = compiled.RoundTrips switch { true => "yes", false => "NO", null => "n/a" };
            var cells = compiled.Workflow is { } workflow
                ? Dialects.All.Select(d => Cell(workflow, d, imprecise))
                : Dialects.All.Select(_ => "-");
            // Whether the interpreter takes it (its answers are checked by the components' own tests), refuses it by
            // name, or meets a component cwf keeps opaque (which nothing runs).
            var inProcess = compiled.Workflow is not { } w ? "-"
                : !Cwf.Interpretation.ExternalServices.Refusals(w).IsEmpty ? "CWF7800"
                : w.Nodes.OfType<OpaqueNode>().Any(o => o.Call is null && o.Statement is null && o.SqlTemplate is null) ? "opaque" : "yes";
            table.Append($"| {entry.Name} | {import} | {roundTrip} | {inProcess} | ").AppendJoin(" | ", cells).Append(" |\n");
        }
        Assert.True(imprecise.Count == 0, "errors that do not name the warehouse, or toolbox locations not honoured:\n" + string.Join("\n", imprecise));
        Snapshot.Match(table.ToString(), "issue17_matrix", "md");
    }
}
