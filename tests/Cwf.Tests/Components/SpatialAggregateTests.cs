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
using Cwf.Tests.Binding;
using Cwf.Tests.Canvas;
using Cwf.Tests.Infrastructure;
using Cwf.Tests.Interpretation;
using Cwf.Tests.Snapshots;
using Cwf.Text;
using NetTopologySuite.Geometries;

namespace Cwf.Tests.Components;

/// <summary>
/// The spatial aggregates (issue 16): <c>st_union_agg</c>, <c>st_collect</c>, <c>st_extent</c>,
/// <c>st_convexhull_agg</c>, <c>st_centroid_agg</c> and the ordered <c>st_makeline_agg</c> in group by and
/// summarize, the product's spatial methods of <c>native.groupby</c>, and the components
/// <c>native.dissolve</c>, <c>native.extent</c> and <c>native.makeline</c>: binding, diagnostics, canvas
/// import, decompilation, round trip, every dialect's SQL or capability diagnostic, and the interpreter.
/// </summary>
public class SpatialAggregateTests
{
    private static readonly string[] Columns = ["id:int64", "region:string", "ts:int64", "geom:geography"];

    private const string Header = "source t = table \"src.t\" { id: int64, region: string, ts: int64, geom: geography }\n";

    /// <summary>Each component with its canvas values, the step it decompiles to, and the aggregate it builds.</summary>
    public static TheoryData<string, (string, object?)[], string, string> Components() => new()
    {
        { "native.dissolve", [("geo", "geom"), ("groupby", "region")], "dissolve geom, region", "geom := union(geom)" },
        { "native.dissolve", [("geo", "geom")], "dissolve geom", "geom := union(geom)" },
        { "native.extent", [("geo", "geom")], "extent geom", "geom := extent(geom)" },
        { "native.makeline", [("pointscol", "geom"), ("ordercol", "ts"), ("groupby", "region")], "makeline geom, ts, region",
            "geom_makeline := makeline(geom order by ts nulls last, st_x(st_centroid(geom)) nulls last, st_y(st_centroid(geom)) nulls last)" },
    };

    private static CanvasImportResult Import(string component, params (string, object?)[] values) => CanvasTestKit.ImportStep(component, Columns, values);

    [Theory]
    [MemberData(nameof(Components))]
    public void A_component_imports_decompiles_and_round_trips(string component, (string, object?)[] values, string step, string aggregate)
    {
        var imported = Import(component, values);
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        var node = Assert.Single(imported.Workflow!.Nodes.OfType<AggregateNode>());
        Assert.Equal(aggregate, Assert.Single(node.Aggregates).ToString());
        Assert.Equal(SqlType.Geography, node.Schema.Columns[^1].Type);
        CanvasTestKit.AssertRoundTrip(imported, step);
    }

    /// <summary>A real export's aggregation list (a BigQuery canvas of cell towers): <c>geom,convexhull,geom,centroid,id,count</c>; summarize with <c>geom,combine</c>.</summary>
    [Fact]
    public void The_product_spatial_methods_of_group_by_and_summarize_import_as_the_spatial_aggregates()
    {
        var grouped = Import("native.groupby", ("columns", "geom,convexhull,geom,centroid,id,count"), ("groupby", "region"));
        Assert.False(grouped.HasErrors, CanvasTestKit.Describe(grouped.Diagnostics));
        var node = Assert.Single(grouped.Workflow!.Nodes.OfType<AggregateNode>());
        Assert.Equal(["region", "geom_convexhull", "geom_centroid", "id_count"], node.Schema.Names);
        Assert.Equal([AggregateFunction.ConvexHull, AggregateFunction.Centroid, AggregateFunction.Count], node.Aggregates.Select(a => a.Function));
        CanvasTestKit.AssertRoundTrip(grouped, "group by region {");
        foreach (var item in new[] { "geom_convexhull: st_convexhull_agg(geom)", "geom_centroid: st_centroid_agg(geom)", "id_count: count(id)" })
            Assert.Contains(item, CanvasDecompiler.ToCwf(grouped));

        var summarized = Import("native.summarize", ("columns", "geom,combine"));
        Assert.False(summarized.HasErrors, CanvasTestKit.Describe(summarized.Diagnostics));
        Assert.Equal(["geom_union"], Assert.Single(summarized.Workflow!.Nodes.OfType<AggregateNode>()).Schema.Names);
        CanvasTestKit.AssertRoundTrip(summarized, "summarize { geom_union: st_union_agg(geom) }");
    }

    [Fact]
    public void A_spatial_method_over_a_column_that_is_not_a_geography_is_reported_at_the_node()
    {
        var imported = Import("native.groupby", ("columns", "region,combine"), ("groupby", "id"));
        var error = Assert.Single(imported.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.InvalidAggregation, error.Descriptor);
        Assert.Contains("combine (st_union_agg) needs a geography column, but 'region' is string", error.Message);
    }

    [Fact]
    public void Every_aggregate_binds_with_its_type_and_default_name()
    {
        var workflow = Compilation.Ok(Header + """
            output t | group by region { st_union_agg(geom), st_collect(geom), st_extent(geom), st_convexhull_agg(geom), st_centroid_agg(geom),
              st_makeline_agg(geom order by ts desc nulls first), u: st_union(geom), e: st_extent_agg(geom), h: convex_hull_agg(geom), g: geometry_union_agg(geom) } -> table "o.t"
            """);
        var node = Assert.Single(workflow.Nodes.OfType<AggregateNode>());
        Assert.Equal(["region", "geom_union", "geom_collect", "geom_extent", "geom_convexhull", "geom_centroid", "geom_makeline", "u", "e", "h", "g"], node.Schema.Names);
        Assert.All(node.Schema.Columns.Skip(1), c => Assert.Equal((SqlType.Geography, true), (c.Type, c.Nullable)));
        Assert.Equal("geom_makeline := makeline(geom order by ts desc nulls first, st_x(st_centroid(geom)) nulls last, st_y(st_centroid(geom)) nulls last)",
            node.Aggregates[5].ToString());
        Assert.Equal([AggregateFunction.Union, AggregateFunction.Extent, AggregateFunction.ConvexHull, AggregateFunction.Union], node.Aggregates.Skip(6).Select(a => a.Function));
    }

    [Fact]
    public void Every_aggregate_function_name_finds_its_function()
    {
        foreach (var function in Enum.GetValues<AggregateFunction>().Where(f => f is not (AggregateFunction.CountAll or AggregateFunction.CountDistinct)))
            Assert.Equal(function, FunctionCatalog.FindAggregate(function.CwfName()));
    }

    [Theory]
    [InlineData("group by region { l: st_makeline_agg(geom) }", "2:33 CWF2101", "st_makeline_agg needs an order")]
    [InlineData("group by region { u: st_union_agg(geom order by ts) }", "2:60 CWF2101", "st_union_agg takes no order")]
    [InlineData("derive c = st_centroid(geom order by ts)", "2:49 CWF2101", "only for the ordered aggregate st_makeline_agg")]
    [InlineData("group by region { u: st_union_agg(ts) }", "2:30 CWF2813", "needs a geography column, but 'ts' is int64")]
    [InlineData("group by region { l: st_makeline_agg(geom order by geom) }", "2:63 CWF2404", "a geography cannot be an order key")]
    [InlineData("derive u = st_union_agg(geom)", "2:23 CWF2009", "aggregate function 'st_union_agg' is not allowed")]
    [InlineData("makeline geom, geom", "2:27 CWF2809", "cannot order the points by the geography column 'geom'")]
    [InlineData("dissolve region", "2:21 CWF2801", "column 'region' is string, but a geography column is expected here")]
    [InlineData("dissolve geom, geom", "2:27 CWF2809", "cannot group by the geography column 'geom'")]
    [InlineData("dissolve geom, region as region", "2:21 CWF2803", "'region'")]
    public void Mistakes_are_reported_at_the_value_with_a_code(string step, string expected, string message)
    {
        var error = CwfTestKit.AssertSingleError(Header + "output t | " + step + " -> table \"o.t\"\n", expected, message);
        if (error.Descriptor == DiagnosticCodes.AggregateOrder) Assert.NotEmpty(error.Hints);
    }

    [Fact]
    public void The_formatter_keeps_the_order_of_an_ordered_aggregate()
    {
        var text = Header + "\noutput t\n  | group by region { line: st_makeline_agg(geom order by ts desc nulls first, id) }\n  -> table \"o.t\"\n";
        var formatted = CwfFormatter.Format(SourceText.From(text), ComponentCatalog.Default.Steps).Text!;
        Assert.Contains("st_makeline_agg(geom order by ts desc nulls first, id)", formatted);
        Assert.Equal(formatted, CwfFormatter.Format(SourceText.From(formatted), ComponentCatalog.Default.Steps).Text);
    }

    private const string AllAggregates = Header + """
        output t
          | group by region { u: st_union_agg(geom), c: st_collect(geom), e: st_extent(geom), h: st_convexhull_agg(geom), m: st_centroid_agg(geom),
              l: st_makeline_agg(geom order by ts) }
          -> table "o.t"
        """;

    /// <summary>Which aggregates each warehouse lacks (CWF6002, naming the warehouse and an alternative); the others compile.</summary>
    [Theory]
    [InlineData("postgres", "")]
    [InlineData("duckdb", "")]
    [InlineData("bigquery", "")]
    [InlineData("snowflake", "st_convexhull_agg st_makeline_agg")]
    [InlineData("redshift", "st_union_agg")]
    [InlineData("databricks", "")]
    [InlineData("trino", "st_collect")]
    public void Every_dialect_compiles_each_aggregate_or_names_what_it_lacks(string dialect, string lacking)
    {
        var workflow = Compilation.Ok(AllAggregates);
        var d = Dialects.Find(dialect)!;
        var errors = Compiler.Compile(workflow, new CompileOptions(d)).Diagnostics.Where(e => e.IsError).ToList();
        Assert.All(errors, e => Assert.Equal(DiagnosticCodes.FunctionNotSupported, e.Descriptor));
        Assert.All(errors, e => Assert.NotEmpty(e.Hints));
        Assert.Equal(lacking, string.Join(" ", errors.Select(e => e.Message.Split(" compute ")[1].Split("()")[0])));
    }

    /// <summary>The SQL of each dialect for the aggregates it has, pinned.</summary>
    [Theory]
    [InlineData("postgres")]
    [InlineData("duckdb")]
    [InlineData("bigquery")]
    [InlineData("snowflake")]
    [InlineData("redshift")]
    [InlineData("databricks")]
    [InlineData("trino")]
    public void The_translation_of_every_available_aggregate_is_pinned(string dialect)
    {
        var d = Dialects.Find(dialect)!;
        var items = new (AggregateFunction Function, string Item)[]
        {
            (AggregateFunction.Union, "u: st_union_agg(geom)"), (AggregateFunction.Collect, "c: st_collect(geom)"), (AggregateFunction.Extent, "e: st_extent(geom)"),
            (AggregateFunction.ConvexHull, "h: st_convexhull_agg(geom)"), (AggregateFunction.Centroid, "m: st_centroid_agg(geom)"),
            (AggregateFunction.MakeLine, "l: st_makeline_agg(geom order by ts desc)"),
        }.Where(i => d.Aggregates.Spatial(i.Function).IsAvailable).Select(i => i.Item);
        var workflow = Compilation.Ok(Header + $"output t | group by region {{ {string.Join(", ", items)} }} -> table \"o.t\"\n");
        var result = Compiler.Compile(workflow, new CompileOptions(d) { Optimize = false });
        Assert.False(result.Diagnostics.Any(e => e.IsError), string.Join("\n", result.Diagnostics));
        Snapshot.Match(result.Sql!, "spatial-aggregates-" + dialect, "sql");
    }

    /// <summary>
    /// Databricks' collect_list keeps no order: the line's points are collected with their keys and sorted by a
    /// comparator that follows each key's direction and NULL placement and is never NULL itself; an empty group is NULL.
    /// </summary>
    [Fact]
    public void Databricks_sorts_the_collected_points_of_an_ordered_line_by_each_key()
    {
        var workflow = Compilation.Ok(Header + "output t | group by region { l: st_makeline_agg(geom order by ts desc nulls first, id) } -> table \"o.t\"\n");
        var result = Compiler.Compile(workflow, new CompileOptions(Dialects.Find("databricks")!));
        Assert.False(result.Diagnostics.Any(e => e.IsError), string.Join("\n", result.Diagnostics));
        var sql = result.Sql!;
        Assert.Contains("CASE WHEN count(geom) = 0 THEN NULL ELSE st_makeline(transform(array_sort(collect_list(named_struct('cwf_g', geom, " +
            "'cwf_k0', ts, 'cwf_k1', id, 'cwf_k2', st_x(st_centroid(geom)), 'cwf_k3', st_y(st_centroid(geom)))) FILTER (WHERE geom IS NOT NULL), (cwf_l, cwf_r) -> CASE", sql);
        // ts desc nulls first: a NULL before a value, the greater value first.
        Assert.Contains("WHEN cwf_l.cwf_k0 IS NULL AND cwf_r.cwf_k0 IS NOT NULL THEN -1 WHEN cwf_l.cwf_k0 IS NOT NULL AND cwf_r.cwf_k0 IS NULL THEN 1 " +
            "WHEN cwf_l.cwf_k0 < cwf_r.cwf_k0 THEN 1 WHEN cwf_l.cwf_k0 > cwf_r.cwf_k0 THEN -1", sql);
        // id (ascending, NULLs last) and the IR's tie-breakers.
        Assert.Contains("WHEN cwf_l.cwf_k1 IS NULL AND cwf_r.cwf_k1 IS NOT NULL THEN 1 WHEN cwf_l.cwf_k1 IS NOT NULL AND cwf_r.cwf_k1 IS NULL THEN -1 " +
            "WHEN cwf_l.cwf_k1 < cwf_r.cwf_k1 THEN -1 WHEN cwf_l.cwf_k1 > cwf_r.cwf_k1 THEN 1", sql);
        Assert.Contains("WHEN cwf_l.cwf_k3 > cwf_r.cwf_k3 THEN 1 ELSE 0 END), cwf_e -> cwf_e.cwf_g)) END AS l", sql);
        Assert.Contains(result.Diagnostics, d => d.Descriptor == DiagnosticCodes.ApproximateTranslation && d.Message.Contains("single point"));
    }

    private static TestTable Zones(params object?[][] rows) => TestTable.Create("src.t", "id int64, region string, ts int64, geom geography", rows);

    private static IReadOnlyList<IReadOnlyList<object?>> Run(string output, TestTable table)
    {
        var workflow = Compilation.Ok(Header + "output t | " + output + " -> table \"out.t\"\n", allowWarnings: true);
        var result = Interpreter.Run(workflow, Database.Empty.With(table.Name, new Table(table.Schema, table.TypedRows())));
        Assert.False(result.Diagnostics.Any(d => d.IsError), string.Join("\n", result.Diagnostics));
        return result.Outputs.Find(TableName.TryParse("out.t")!)!.Rows;
    }

    private static string Wkt(object? value) => value is Geometry g ? g.AsText() : "NULL";

    [Fact]
    public void The_interpreter_unions_collects_boxes_hulls_and_centres_each_group()
    {
        var zones = Zones(
            [1L, "n", 1L, "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))"], [2L, "n", 2L, "POLYGON ((1 1, 3 1, 3 3, 1 3, 1 1))"],
            [3L, "s", 1L, "POLYGON ((10 10, 11 10, 11 11, 10 11, 10 10))"], [4L, "s", 2L, null], [5L, "p", 1L, "POINT (5 5)"], [6L, "p", 2L, "POINT (7 5)"]);
        var rows = Run("group by region { u: st_union_agg(geom), c: st_collect(geom), e: st_extent(geom), h: st_convexhull_agg(geom), m: st_centroid_agg(geom) } | sort region", zones);
        var n = rows[0];
        Assert.Equal(7.0, ((Geometry)n[1]!).Area, 9);          // two 2×2 squares overlapping by 1
        Assert.Equal(7.0, ((Geometry)n[2]!).Area, 9);          // the collection's overlap is repaired: the same shape
        Assert.Equal("POLYGON ((0 0, 0 3, 3 3, 3 0, 0 0))", Wkt(n[3]));
        Assert.Equal(8.0, ((Geometry)n[4]!).Area, 9);          // the hull cuts the two notches
        Assert.Equal("POINT (1.5 1.5)", Wkt(n[5]));            // overlaps counted twice: the mean of the two centres
        var p = rows[1];
        Assert.Equal("MULTIPOINT ((5 5), (7 5))", Wkt(p[1]));
        Assert.Equal("LINESTRING (5 5, 7 5)", Wkt(p[3]));       // a box without area is a line
        Assert.Equal("POINT (6 5)", Wkt(p[5]));
        var s = rows[2];                                    // the NULL geography is left out
        Assert.Equal("POLYGON ((10 10, 10 11, 11 11, 11 10, 10 10))", Wkt(s[3]));
    }

    [Fact]
    public void Make_line_joins_the_points_in_the_order_with_ties_broken_by_the_coordinates()
    {
        var stops = Zones([1L, "a", 3L, "POINT (2 2)"], [2L, "a", 1L, "POINT (0 0)"], [3L, "a", 2L, "POINT (1 1)"],
            [4L, "b", 1L, "POINT (5 5)"], [5L, "b", 1L, "POINT (4 5)"], [6L, "b", null, "POINT (9 9)"], [7L, "b", 2L, null], [8L, "c", 1L, "POINT (3 3)"]);
        var rows = Run("group by region { l: st_makeline_agg(geom order by ts) } | sort region", stops);
        Assert.Equal(["LINESTRING (0 0, 1 1, 2 2)", "LINESTRING (4 5, 5 5, 9 9)", "LINESTRING EMPTY"], rows.Select(r => Wkt(r[1])));
        var descending = Run("group by region { l: st_makeline_agg(geom order by ts desc nulls first) } | filter region = 'b'", stops);
        Assert.Equal("LINESTRING (9 9, 4 5, 5 5)", Wkt(descending[0][1]));
    }

    [Fact]
    public void Over_no_rows_summarize_gives_one_row_of_nulls_and_the_components_too()
    {
        var rows = Run("summarize { u: st_union_agg(geom), l: st_makeline_agg(geom order by ts), n: count() }", Zones());
        Assert.Equal("NULL NULL 0", string.Join(" ", rows[0].Select(v => v?.ToString() ?? "NULL")));
        Assert.Null(Assert.Single(Run("extent geom", Zones())[0]));
    }
}
