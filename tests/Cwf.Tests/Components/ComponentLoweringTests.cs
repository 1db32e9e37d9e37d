using Cwf.Components;
using Cwf.Components.Library;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Tests.Components;

public class ComponentLoweringTests
{
    private static readonly Location Here = new FileLocation("test");

    private static (LoweringContext Cx, int Input) Start(params Column[] columns)
    {
        var cx = new LoweringContext(new WorkflowBuilder("t"), new DiagnosticBag());
        int scan = ComponentLowering.ReadTable(cx, TableName.TryParse("src.t")!, new Schema(columns.ToSeq()), new StepInfo("t", Here));
        return (cx, scan);
    }

    private static StepInfo Step(string name = "step") => new(name, Here);

    private static ColumnArg Arg(string name) => new(name, Here);

    [Fact]
    public void Buffer_adds_geo_buffer_column_in_meters()
    {
        var (cx, t) = Start(new Column("id", SqlType.Int64), new Column("geom", SqlType.Geography));
        int? node = ComponentLowering.Buffer(cx, t, Arg("geom"), Units.ToMeters(Literal.Int(2), LengthUnit.Kilometers), Here, Step());
        var project = Assert.IsType<ProjectNode>(cx.Builder[node!.Value]);
        Assert.Equal(["id", "geom", "geom_buffer"], project.Schema.Names);
        Assert.Equal("st_buffer(geom, 2000.0)", project.Columns[2].Expr.ToString());
        Assert.Equal(0, cx.Diagnostics.Count);
    }

    [Fact]
    public void Added_column_replaces_existing_one_in_place_with_warning()
    {
        var (cx, t) = Start(new Column("geom", SqlType.String), new Column("lat", SqlType.Float64), new Column("lon", SqlType.Float64));
        int? node = ComponentLowering.GeogPoint(cx, t, Arg("lat"), Arg("lon"), Step());
        var schema = cx.Builder.SchemaOf(node!.Value);
        Assert.Equal(["geom", "lat", "lon"], schema.Names);
        Assert.Equal(SqlType.Geography, schema[0].Type);
        var warning = Assert.Single(cx.Diagnostics.ToImmutable());
        Assert.Equal(DiagnosticCodes.ColumnReplaced, warning.Descriptor);
        Assert.Equal(Severity.Warning, warning.Severity);
    }

    [Fact]
    public void Join_appends_joined_suffix_even_to_joined_names()
    {
        var (cx, main) = Start(new Column("id", SqlType.Int64), new Column("name", SqlType.String));
        int other = cx.Builder.Scan(TableName.TryParse("src.o")!, new Schema([new Column("id_joined", SqlType.Int64), new Column("id", SqlType.Int64)]), "o").Id;
        int? node = ComponentLowering.Join(cx, main, other, Arg("id"), Arg("id"), JoinKind.Left, Step());
        var join = Assert.IsType<JoinNode>(cx.Builder[node!.Value]);
        Assert.Equal(["id", "name", "id_joined_joined", "id_joined"], join.Schema.Names);
        Assert.True(join.Schema[2].Nullable);
        Assert.Equal("(id = [1].id)", join.Condition.ToString());
    }

    [Fact]
    public void Join_output_name_collision_is_an_error()
    {
        var (cx, main) = Start(new Column("id", SqlType.Int64), new Column("x_joined", SqlType.String));
        int other = cx.Builder.Scan(TableName.TryParse("src.o")!, new Schema([new Column("id", SqlType.Int64), new Column("x", SqlType.Int64)]), "o").Id;
        Assert.Null(ComponentLowering.Join(cx, main, other, Arg("id"), Arg("id"), JoinKind.Inner, Step()));
        Assert.Equal(DiagnosticCodes.DuplicateOutputColumn, Assert.Single(cx.Diagnostics.ToImmutable()).Descriptor);
    }

    [Fact]
    public void GroupBy_names_and_types_follow_the_contract()
    {
        var (cx, t) = Start(new Column("cat", SqlType.String), new Column("qty", SqlType.Int64), new Column("price", SqlType.Float64));
        AggregationArg Agg(string col, string method) => new(Arg(col), method, Here);
        int? node = ComponentLowering.GroupBy(cx, t, [Arg("cat")], [Agg("qty", "sum"), Agg("price", "avg"), Agg("qty", "count"), Agg("cat", "count_distinct")], Step());
        var schema = cx.Builder.SchemaOf(node!.Value);
        Assert.Equal(["cat", "qty_sum", "price_avg", "qty_count", "cat_count_distinct"], schema.Names);
        Assert.Equal([SqlType.String, SqlType.Int64, SqlType.Float64, SqlType.Int64, SqlType.Int64], schema.Columns.Select(c => c.Type));
        Assert.False(schema[3].Nullable);
    }

    [Fact]
    public void Unknown_column_reports_a_suggestion()
    {
        var (cx, t) = Start(new Column("revenue", SqlType.Float64));
        Assert.Null(ComponentLowering.OrderBy(cx, t, Arg("revnue"), descending: true, Step()));
        var d = Assert.Single(cx.Diagnostics.ToImmutable());
        Assert.Equal("CWF2800", d.Code);
        Assert.Contains("did you mean 'revenue'?", d.Hints);
    }

    [Theory]
    [InlineData(SqlType.Int64, "500", "(x > 500)")]
    [InlineData(SqlType.Float64, "10.0", "(x > 10.0)")]
    [InlineData(SqlType.String, "O'Hara", "(x > 'O''Hara')")]
    [InlineData(SqlType.Date, "2024-02-29", "(x > date '2024-02-29')")]
    [InlineData(SqlType.Bool, "TRUE", "(x > true)")]
    public void Simple_filter_types_the_value_by_the_column(SqlType type, string value, string expected)
    {
        var (cx, t) = Start(new Column("x", type));
        int? node = ComponentLowering.SimpleFilter(cx, t, Arg("x"), BinaryOp.Greater, value, Here, FilterBranch.Match, Step());
        Assert.Equal(expected, Assert.IsType<FilterNode>(cx.Builder[node!.Value]).Predicate.ToString());
    }

    [Fact]
    public void Simple_filter_rejects_a_non_number_for_a_numeric_column()
    {
        var (cx, t) = Start(new Column("x", SqlType.Int64));
        Assert.Null(ComponentLowering.SimpleFilter(cx, t, Arg("x"), BinaryOp.Equal, "500m", Here, FilterBranch.Match, Step()));
        Assert.Equal(DiagnosticCodes.InvalidFilterValue, Assert.Single(cx.Diagnostics.ToImmutable()).Descriptor);
    }

    [Fact]
    public void Union_reports_missing_and_mistyped_columns()
    {
        var (cx, a) = Start(new Column("id", SqlType.Int64), new Column("name", SqlType.String));
        int b = cx.Builder.Scan(TableName.TryParse("src.b")!, new Schema([new Column("name", SqlType.String), new Column("id", SqlType.Float64)]), "b").Id;
        int c = cx.Builder.Scan(TableName.TryParse("src.c")!, new Schema([new Column("id", SqlType.Int64)]), "c").Id;
        Assert.Null(ComponentLowering.UnionAll(cx, [(a, Here), (b, Here), (c, Here)], Step()));
        var messages = cx.Diagnostics.ToImmutable().Select(d => d.Message).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains("'id' is int64 in the first input but float64 here", messages[0]);
        Assert.Contains("missing 'name'", messages[1]);
    }

    [Fact]
    public void Union_matches_by_name_in_first_input_order()
    {
        var (cx, a) = Start(new Column("id", SqlType.Int64), new Column("name", SqlType.String, Nullable: false));
        int b = cx.Builder.Scan(TableName.TryParse("src.b")!, new Schema([new Column("name", SqlType.String), new Column("id", SqlType.Int64)]), "b").Id;
        int? node = ComponentLowering.UnionAll(cx, [(a, Here), (b, Here)], Step());
        var schema = cx.Builder.SchemaOf(node!.Value);
        Assert.Equal(["id", "name"], schema.Names);
        Assert.True(schema[1].Nullable);
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(2.5)]
    public void Limit_must_be_a_non_negative_integer(object value)
    {
        var (cx, t) = Start(new Column("x", SqlType.Int64));
        var literal = value is long l ? Literal.Int(l) : Literal.Float((double)value);
        Assert.Null(ComponentLowering.Limit(cx, t, literal, Here, Step()));
        Assert.Equal(DiagnosticCodes.InvalidLimit, Assert.Single(cx.Diagnostics.ToImmutable()).Descriptor);
    }

    [Fact]
    public void Spatial_filter_branches_are_semi_and_anti_joins()
    {
        var (cx, trips) = Start(new Column("id", SqlType.Int64), new Column("geom", SqlType.Geography));
        int zones = cx.Builder.Scan(TableName.TryParse("src.z")!, new Schema([new Column("geom", SqlType.Geography)]), "z").Id;
        int? match = ComponentLowering.SpatialFilter(cx, trips, zones, Arg("geom"), Arg("geom"), Functions.Within, FilterBranch.Match, Step("in"));
        int? unmatch = ComponentLowering.SpatialFilter(cx, trips, zones, Arg("geom"), Arg("geom"), Functions.Within, FilterBranch.Unmatch, Step("out"));
        Assert.False(Assert.IsType<SemiJoinNode>(cx.Builder[match!.Value]).Anti);
        Assert.True(Assert.IsType<SemiJoinNode>(cx.Builder[unmatch!.Value]).Anti);
        Assert.Equal(["id", "geom"], cx.Builder.SchemaOf(match.Value).Names);
    }

    [Fact]
    public void Every_contract_component_has_a_descriptor()
    {
        string[] contract =
        [
            "ReadTable", "native.select", "native.selectexpression", "native.dropcolumn", "native.renamecolumn", "native.where",
            "native.wheresimplified", "native.isnotnull", "native.orderby", "native.limit", "native.distinct", "native.groupby",
            "native.summarize", "native.join", "native.spatialjoin", "native.spatialfilter", "native.unionall", "native.buffer",
            "native.centroid", "native.area", "native.distance", "native.geogpoint", "native.h3frompoint", "native.h3boundary",
            "native.saveastable", "native.customsql", "native.count", "native.generateuuid",
            // The geometry toolbox (generic steps).
            "native.length", "native.perimeter", "native.numpoints", "native.numgeometries", "native.geometrytype", "native.xycoords",
            "native.pointn", "native.makepolygon", "native.boundingbox", "native.asgeojson", "native.aswkt", "native.geogfromtext",
            "native.setsrid", "native.lineinterpolatepoint", "native.destination", "native.intersection", "native.difference",
            "native.boundary", "native.convexhull", "native.concavehull", "native.simplify", "native.snaptogrid", "native.removeholes",
            // Everyday components (issue 15); native.unnest is recognised to be refused with CWF2201.
            "native.removeduplicatedrows", "native.sample", "native.cast", "native.normalize", "native.crossjoin", "native.unnest",
            // Neighbours and the newer join (issue 15).
            "native.knn", "native.distancematrix", "native.joinv2",
            // Spatial aggregates (generic steps).
            "native.dissolve", "native.extent", "native.makeline",
            // One row per part or per random point (the explode node).
            "native.dump", "native.generatepoints",
            // Constant-row sources (issue 16).
            "native.tablefromgeojson", "native.bboxfromvalues", "native.pointfromstaticlatlon", "native.geogfromstatictext",
            "native.polygonize", "native.clipwithpolygons",
            // Spatial indexes (issue 17).
            "native.h3center", "native.h3distance", "native.quadbinfrompoint", "native.quadbinboundary", "native.quadbincenter",
            // Cell sets (issue 17, the explode node).
            "native.h3polyfill", "native.quadbinpolyfill",
            // Spatial analysis (generic steps).
            "native.clusterkmeans", "native.clusterdbscan", "native.countpointsinpolygons", "native.pointstatsinpolygons",
            // Voronoi and Delaunay (issue 17: an aggregate, then the explode node).
            "native.voronoi", "native.delaunay", "native.creategrid",
            // External services as toolbox procedure calls (issue 17).
            "native.isolines", "native.geocode",
            // Statistics on grids as toolbox procedure calls (issue 17).
            "native.getisord", "native.localmoransi", "native.moransi",
            // Enrichment as toolbox procedure calls (issue 17).
            "native.enrichpolygons", "native.enrichpoints", "native.h3enrich",
            // A tileset as a toolbox procedure call that writes the table it names (issue 17).
            "native.createtileset",
            // A source made by a toolbox procedure (issue 17).
            "native.importurl",
            // A procedure call as a script step (issue 15).
            "native.call",
        ];
        Assert.Equal(contract.Order(), ComponentCatalog.Default.All.Where(c => c.HasCanvasForm).Select(c => c.Id).Order());
        Assert.Equal(["cwf.h3kring", "cwf.h3tochildren", "cwf.nearest", "cwf.quadbinkring", "cwf.quadbintochildren"],
            ComponentCatalog.Default.All.Where(c => !c.HasCanvasForm).Select(c => c.Id).Order());
        Assert.Null(ComponentCatalog.Default.Find("cwf.nearest"));
        Assert.True(ComponentCatalog.Default.Find("native.unionall")!.FindInput("tables")!.Multiple);
    }
}
