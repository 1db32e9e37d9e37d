using System.Collections.Immutable;
using Cwf.Components;
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
        var derived = ComponentLowering.SelectExpression(cx, joined, "line_total", total, S("derive"));
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
