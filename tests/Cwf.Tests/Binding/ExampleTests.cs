using System.Collections.Immutable;
using Cwf.Components;
using Cwf.Components.Library;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Tests.Binding;

/// <summary>
/// The .cwf mirrors of the canvas examples build the IR that the component lowering functions
/// build for the canvas nodes (the calls below are the ones the canvas importer makes).
/// </summary>
public class ExampleTests
{
    private static Workflow CompileExample(string name) =>
        Compilation.Ok(File.ReadAllText(Path.Combine(Compilation.ExamplesDirectory, name + ".cwf")), Compilation.ExampleCatalog(name));

    private static (LoweringContext Cx, DiagnosticBag Diagnostics) Canvas(string title)
    {
        var diagnostics = new DiagnosticBag();
        return (new LoweringContext(new WorkflowBuilder(title), diagnostics), diagnostics);
    }

    private static StepInfo S(string name) => new(name, Location.None);
    private static ColumnArg C(string name) => new(name, Location.None);

    [Fact]
    public void School_buffers_builds_the_canvas_ir()
    {
        var (cx, diagnostics) = Canvas("Safety zones around large schools");
        var catalog = Compilation.ExampleCatalog("school_buffers");
        var schools = ComponentLowering.ReadTable(cx, TableName.TryParse("src.schools")!, catalog.Find(TableName.TryParse("src.schools")!)!, S("schools"));
        var large = ComponentLowering.SimpleFilter(cx, schools, C("students"), BinaryOp.Greater, "500", Location.None, FilterBranch.Match, S("filter"))!.Value;
        var zones = ComponentLowering.Buffer(cx, large, C("geom"), Units.ToMeters(Literal.Int(300), LengthUnit.Meters), Location.None, S("buffer"))!.Value;
        ComponentLowering.SaveAsTable(cx, zones, TableName.TryParse("out.large_school_zones")!, WriteMode.Replace, S("save"));
        Assert.Equal(0, diagnostics.Count);

        var workflow = CompileExample("school_buffers");
        Assert.Equal(IrPrinter.PrintCanonical(cx.Builder.ToWorkflow()), IrPrinter.PrintCanonical(workflow));
        Assert.Equal(["school_id", "name", "students", "geom", "geom_buffer"], workflow.Sinks.Single().Schema.Names);
    }

    [Fact]
    public void Trips_in_boroughs_builds_the_canvas_ir()
    {
        var (cx, diagnostics) = Canvas("Trips starting in a borough");
        var catalog = Compilation.ExampleCatalog("trips_in_boroughs");
        var trips = ComponentLowering.ReadTable(cx, TableName.TryParse("src.trips")!, catalog.Find(TableName.TryParse("src.trips")!)!, S("trips"));
        var point = ComponentLowering.GeogPoint(cx, trips, C("start_lat"), C("start_lon"), S("point"))!.Value;
        var boroughs = ComponentLowering.ReadTable(cx, TableName.TryParse("src.boroughs")!, catalog.Find(TableName.TryParse("src.boroughs")!)!, S("boroughs"));
        var inside = ComponentLowering.SpatialFilter(cx, point, boroughs, C("geom"), C("geom"), Functions.Within, FilterBranch.Match, S("in"))!.Value;
        var outside = ComponentLowering.SpatialFilter(cx, point, boroughs, C("geom"), C("geom"), Functions.Within, FilterBranch.Unmatch, S("out"))!.Value;
        ComponentLowering.SaveAsTable(cx, inside, TableName.TryParse("out.trips_in_boroughs")!, WriteMode.Replace, S("a"));
        ComponentLowering.SaveAsTable(cx, outside, TableName.TryParse("out.trips_outside")!, WriteMode.Replace, S("b"));
        Assert.Equal(0, diagnostics.Count);

        var workflow = CompileExample("trips_in_boroughs");
        Assert.Equal(IrPrinter.PrintCanonical(cx.Builder.ToWorkflow()), IrPrinter.PrintCanonical(workflow));
    }

    [Fact]
    public void Order_totals_builds_the_canvas_ir()
    {
        var (cx, diagnostics) = Canvas("Order totals by category");
        var catalog = Compilation.ExampleCatalog("order_totals_by_category");
        var lines = ComponentLowering.ReadTable(cx, TableName.TryParse("src.order_lines")!, catalog.Find(TableName.TryParse("src.order_lines")!)!, S("lines"));
        var products = ComponentLowering.ReadTable(cx, TableName.TryParse("src.products")!, catalog.Find(TableName.TryParse("src.products")!)!, S("products"));
        var joined = ComponentLowering.Join(cx, lines, products, C("product_id"), C("product_id"), JoinKind.Inner, S("join"))!.Value;
        var schema = cx.Builder.SchemaOf(joined);
        var total = ExprFactory.Binary(BinaryOp.Multiply, ExprFactory.Column(schema.Find("quantity")!), ExprFactory.Column(schema.Find("unit_price")!));
        var derived = ComponentLowering.SelectExpression(cx, joined, "line_total", total, S("derive"))!.Value;
        var grouped = ComponentLowering.GroupBy(cx, derived, [C("category_joined")],
            [new AggregationArg(C("line_total"), "sum", Location.None), new AggregationArg(C("line_id"), "count", Location.None)], S("group"))!.Value;
        var sorted = ComponentLowering.OrderBy(cx, grouped, C("line_total_sum"), descending: true, S("sort"))!.Value;
        ComponentLowering.SaveAsTable(cx, sorted, TableName.TryParse("out.category_totals")!, WriteMode.Replace, S("save"));
        Assert.Equal(0, diagnostics.Count);

        var workflow = CompileExample("order_totals_by_category");
        Assert.Equal(IrPrinter.PrintCanonical(cx.Builder.ToWorkflow()), IrPrinter.PrintCanonical(workflow));
        var sink = workflow.Sinks.Single();
        Assert.Equal(["category_joined", "line_total_sum", "line_id_count"], sink.Schema.Names);
        Assert.Equal([SqlType.String, SqlType.Float64, SqlType.Int64], sink.Schema.Columns.Select(c => c.Type));
    }
}

/// <summary>Every component of the canvas contract has its .cwf form in at least one example.</summary>
public class ExampleCoverageTests
{
    private static readonly Dictionary<string, Func<Cwf.Syntax.SyntaxNode, bool>> Forms = new()
    {
        ["ReadTable"] = n => n is Cwf.Syntax.SourceStatementSyntax,
        // The constant-row components decompile to a values source.
        ["native.tablefromgeojson"] = n => n is Cwf.Syntax.ValuesStatementSyntax,
        ["native.bboxfromvalues"] = n => n is Cwf.Syntax.ValuesStatementSyntax,
        ["native.pointfromstaticlatlon"] = n => n is Cwf.Syntax.ValuesStatementSyntax,
        ["native.geogfromstatictext"] = n => n is Cwf.Syntax.ValuesStatementSyntax,
        ["native.select"] = n => n is Cwf.Syntax.SelectStepSyntax,
        ["native.selectexpression"] = n => n is Cwf.Syntax.DeriveStepSyntax,
        ["native.dropcolumn"] = n => n is Cwf.Syntax.DropStepSyntax,
        ["native.renamecolumn"] = n => n is Cwf.Syntax.RenameStepSyntax,
        ["native.where"] = n => n is Cwf.Syntax.SplitStepSyntax or Cwf.Syntax.FilterStepSyntax { Predicate: Cwf.Syntax.BinarySyntax { Operator: Cwf.Syntax.BinaryOperator.GreaterOrEqual, Right: Cwf.Syntax.NameSyntax } },
        ["native.wheresimplified"] = n => n is Cwf.Syntax.FilterStepSyntax { Predicate: Cwf.Syntax.BinarySyntax { Left: Cwf.Syntax.NameSyntax, Right: Cwf.Syntax.LiteralSyntax } },
        ["native.isnotnull"] = n => n is Cwf.Syntax.FilterStepSyntax { Predicate: Cwf.Syntax.IsNullSyntax { Negated: true } },
        ["native.orderby"] = n => n is Cwf.Syntax.SortStepSyntax,
        ["native.limit"] = n => n is Cwf.Syntax.TakeStepSyntax,
        ["native.distinct"] = n => n is Cwf.Syntax.DistinctStepSyntax,
        ["native.groupby"] = n => n is Cwf.Syntax.GroupStepSyntax,
        ["native.summarize"] = n => n is Cwf.Syntax.SummarizeStepSyntax,
        ["native.join"] = n => n is Cwf.Syntax.JoinStepSyntax,
        ["native.spatialjoin"] = n => n is Cwf.Syntax.SpatialJoinStepSyntax,
        ["cwf.nearest"] = n => n is Cwf.Syntax.NearestStepSyntax,
        ["native.spatialfilter"] = n => n is Cwf.Syntax.SpatialFilterStepSyntax,
        ["native.unionall"] = n => n is Cwf.Syntax.UnionStepSyntax,
        ["native.count"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "count" },
        ["native.generateuuid"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "generate_uuid" },
        ["native.buffer"] = n => n is Cwf.Syntax.BufferStepSyntax,
        ["native.centroid"] = n => n is Cwf.Syntax.CentroidStepSyntax,
        ["native.area"] = n => n is Cwf.Syntax.AreaStepSyntax,
        ["native.distance"] = n => n is Cwf.Syntax.DistanceStepSyntax,
        ["native.geogpoint"] = n => n is Cwf.Syntax.PointStepSyntax,
        ["native.h3frompoint"] = n => n is Cwf.Syntax.H3StepSyntax,
        ["native.h3boundary"] = n => n is Cwf.Syntax.H3BoundaryStepSyntax,
        ["native.saveastable"] = n => n is Cwf.Syntax.OutputStatementSyntax,
        ["native.customsql"] = n => n is Cwf.Syntax.SqlStepSyntax,
        ["native.length"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "length" },
        ["native.perimeter"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "perimeter" },
        ["native.numpoints"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "numpoints" },
        ["native.numgeometries"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "numgeometries" },
        ["native.geometrytype"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "geometrytype" },
        ["native.xycoords"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "xycoords" },
        ["native.pointn"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "pointn" },
        ["native.makepolygon"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "makepolygon" },
        ["native.boundingbox"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "boundingbox" },
        ["native.asgeojson"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "asgeojson" },
        ["native.aswkt"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "aswkt" },
        ["native.geogfromtext"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "geogfromtext" },
        ["native.setsrid"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "setsrid" },
        ["native.lineinterpolatepoint"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "lineinterpolatepoint" },
        ["native.destination"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "destination" },
        ["native.intersection"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "intersection" },
        ["native.difference"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "difference" },
        ["native.boundary"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "boundary" },
        ["native.convexhull"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "convexhull" },
        ["native.concavehull"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "concavehull" },
        ["native.simplify"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "simplify" },
        ["native.snaptogrid"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "snaptogrid" },
        ["native.removeholes"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "removeholes" },
        ["native.removeduplicatedrows"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "remove_duplicates" },
        ["native.sample"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "sample" },
        ["native.cast"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "cast_column" },
        ["native.normalize"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "normalize" },
        ["native.crossjoin"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "cross_join" },
        ["native.unnest"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "unnest" },
        ["native.dissolve"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "dissolve" },
        ["native.extent"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "extent" },
        ["native.makeline"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "makeline" },
        ["native.dump"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "dump" },
        ["native.polygonize"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "polygonize" },
        ["native.clipwithpolygons"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "clipwithpolygons" },
        ["native.generatepoints"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "generatepoints" },
        ["native.h3polyfill"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "h3polyfill" },
        ["native.quadbinpolyfill"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "quadbinpolyfill" },
        ["cwf.h3kring"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "h3kring" },
        ["cwf.quadbinkring"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "quadbinkring" },
        ["cwf.h3tochildren"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "h3tochildren" },
        ["cwf.quadbintochildren"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "quadbintochildren" },
        ["native.h3center"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "h3_center" },
        ["native.h3distance"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "h3_distance" },
        ["native.quadbinfrompoint"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "quadbin" },
        ["native.quadbinboundary"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "quadbin_boundary" },
        ["native.quadbincenter"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "quadbin_center" },
        ["native.clusterkmeans"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "clusterkmeans" },
        ["native.clusterdbscan"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "clusterdbscan" },
        ["native.countpointsinpolygons"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "countpointsinpolygons" },
        ["native.pointstatsinpolygons"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "pointstatsinpolygons" },
        ["native.voronoi"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "voronoi" },
        ["native.delaunay"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "delaunay" },
        ["native.creategrid"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "creategrid" },
        ["native.isolines"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "isolines" },
        ["native.geocode"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "geocode" },
        ["native.createtileset"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "tileset" },
        ["native.getisord"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "getisord" },
        ["native.localmoransi"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "localmoransi" },
        ["native.moransi"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "moransi" },
        ["native.enrichpolygons"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "enrichpolygons" },
        ["native.enrichpoints"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "enrichpoints" },
        ["native.h3enrich"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "h3enrich" },
        ["native.importurl"] = n => n is Cwf.Syntax.ImportStatementSyntax,
        ["native.call"] = n => n is Cwf.Syntax.CallStepSyntax,
        ["native.knn"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "knn" },
        ["native.distancematrix"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "distancematrix" },
        ["native.joinv2"] = n => n is Cwf.Syntax.GenericStepSyntax { Keyword: "join_keys" },
    };

    /// <summary>Components no example can use: they are refused with a diagnostic saying why (their tests check it).</summary>
    /// <remarks>
    /// native.isolines and native.geocode call an external service, native.getisord, native.localmoransi, native.moransi and the
    /// enrichments, native.createtileset and native.importurl a toolbox procedure and native.call a
    /// warehouse's procedure: every example runs in process, where they are CWF7800.
    /// </remarks>
    private static readonly string[] Refused = ["native.unnest", "native.isolines", "native.geocode", "native.getisord", "native.localmoransi",
        "native.moransi", "native.enrichpolygons", "native.enrichpoints", "native.h3enrich", "native.createtileset", "native.importurl", "native.call"];

    [Fact]
    public void Every_contract_component_appears_in_an_example()
    {
        var nodes = new List<Cwf.Syntax.SyntaxNode>();
        foreach (var path in Directory.GetFiles(Compilation.ExamplesDirectory, "*.cwf"))
        {
            var text = File.ReadAllText(path);
            var result = Compilation.Compile(text, Compilation.ExampleCatalog(Path.GetFileNameWithoutExtension(path)), path);
            Assert.True(result.Diagnostics.IsEmpty, path + "\n" + string.Join("\n", result.Diagnostics));
            Assert.Empty(IrValidator.Validate(result.Workflow!));
            foreach (var statement in result.Syntax.Statements)
            {
                nodes.Add(statement);
                if (statement is Cwf.Syntax.LetStatementSyntax l) nodes.AddRange(l.Pipeline.Steps);
                if (statement is Cwf.Syntax.OutputStatementSyntax o) nodes.AddRange(o.Pipeline.Steps);
            }
        }
        Assert.Equal(ComponentCatalog.Default.All.Select(c => c.Id).Order(), Forms.Keys.Order());
        var missing = Forms.Where(f => !Refused.Contains(f.Key) && !nodes.Any(f.Value)).Select(f => f.Key).ToList();
        Assert.Empty(missing);
    }
}
