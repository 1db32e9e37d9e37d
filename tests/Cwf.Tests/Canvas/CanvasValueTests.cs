using Cwf.Canvas;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Tests.Canvas;

public class CanvasValueTests
{
    private static readonly string[] Schools = ["school_id:int64", "name:string", "students:int64", "geom:geography", "opened:date"];

    /// <summary>schools → one component → save; returns the import, the JSON and the component's id.</summary>
    private static (CanvasImportResult Result, string Json, string Node) One(string component, string label, params (string, object?)[] values)
    {
        var c = new TestCanvas();
        var src = c.Source("src.schools", "schools", Schools);
        var node = c.Node(component, label, values);
        var save = c.Node("native.saveastable", "Save", ("destination", "out.x"));
        var output = Cwf.Components.ComponentCatalog.Default.Find(component)!.Outputs[0];
        c.Flow(src, node).Edge(node, output, save, "source");
        var json = c.ToJson();
        return (CanvasTestKit.Import(json), json, node);
    }

    [Fact]
    public void Selection_that_is_not_an_option_is_an_error_listing_the_options()
    {
        var (result, json, node) = One("native.wheresimplified", "Simple Filter", ("column", "students"), ("operator", "bigger than"), ("value", "500"));
        var d = CanvasAssert.Single(result, DiagnosticCodes.InvalidSelection, node, "Simple Filter", "operator", "/nodes/1/data/inputs/2/value",
            TestCanvas.LineOf(json, "\"bigger than\""));
        Assert.Contains("'bigger than' is not an option of 'operator'", d.Message);
        Assert.Contains("valid options: 'equal to', 'not equal', 'less than', 'greater than', 'equal or less than', 'equal or greater than'", d.Hints[0]);
        Assert.Null(result.Workflow);
    }

    [Fact]
    public void Selection_differing_only_in_case_is_a_warning_and_accepted()
    {
        var (result, _, node) = One("native.wheresimplified", "Simple Filter", ("column", "students"), ("operator", "Greater Than"), ("value", "500"));
        CanvasAssert.NoErrors(result);
        var d = CanvasAssert.Single(result, DiagnosticCodes.SelectionCaseMismatch, node, "Simple Filter", "operator");
        Assert.Contains("read as 'greater than'", d.Message);
        Assert.Equal("(students > 500)", Assert.Single(result.Workflow!.Nodes.OfType<FilterNode>()).Predicate.ToString());
    }

    [Theory]
    [InlineData(300, "300.0")]
    [InlineData("300", "300.0")]
    [InlineData("2.5", "2.5")]
    [InlineData(" 1e3 ", "1000.0")]
    public void Number_is_a_number_or_a_numeric_string(object distance, string meters)
    {
        var (result, _, _) = One("native.buffer", "Buffer", ("geo", "geom"), ("distance", distance), ("units", "Meters"));
        CanvasAssert.NoErrors(result);
        Assert.Equal($"st_buffer(geom, {meters})", Assert.Single(result.Workflow!.Nodes.OfType<ProjectNode>()).Columns[^1].Expr.ToString());
    }

    [Fact]
    public void Kilometers_are_converted_to_meters()
    {
        var (result, _, _) = One("native.buffer", "Buffer", ("geo", "geom"), ("distance", "2"), ("units", "Kilometers"));
        Assert.Equal("st_buffer(geom, 2000.0)", Assert.Single(result.Workflow!.Nodes.OfType<ProjectNode>()).Columns[^1].Expr.ToString());
    }

    [Theory]
    [InlineData("500m")]
    [InlineData("abc")]
    [InlineData(true)]
    public void Non_numeric_number_is_an_error(object distance)
    {
        var (result, json, node) = One("native.buffer", "Zone", ("geo", "geom"), ("distance", distance), ("units", "Meters"));
        var d = CanvasAssert.Single(result, DiagnosticCodes.NotANumber, node, "Zone", "distance", "/nodes/1/data/inputs/2/value");
        Assert.Contains("must be a number", d.Message);
        Assert.Equal(TestCanvas.LineOf(json, "\"name\": \"distance\"") + 4, ((CanvasLocation)d.Location).Position!.Value.Line);
    }

    [Theory]
    [InlineData(10, 10L)]
    [InlineData("10", 10L)]
    [InlineData("10.0", 10L)]
    [InlineData(10.0, 10L)]
    public void Integer_accepts_integral_values(object limit, long expected)
    {
        var (result, _, _) = One("native.limit", "Top", ("limit", limit));
        CanvasAssert.NoErrors(result);
        Assert.Equal(Literal.Int(expected), Assert.Single(result.Workflow!.Nodes.OfType<LimitNode>()).Count);
    }

    [Fact]
    public void Integer_rejects_a_fraction()
    {
        var (result, _, node) = One("native.limit", "Top", ("limit", "10.5"));
        var d = CanvasAssert.Single(result, DiagnosticCodes.NotAnInteger, node, "Top", "limit");
        Assert.Contains("found 10.5", d.Message);
    }

    [Fact]
    public void Integer_rejects_units()
    {
        var (result, _, node) = One("native.limit", "Top", ("limit", "500m"));
        CanvasAssert.Single(result, DiagnosticCodes.NotANumber, node, "Top", "limit");
    }

    [Fact]
    public void H3_resolution_out_of_range_is_reported_by_the_component()
    {
        var (result, _, node) = One("native.h3frompoint", "Cell", ("pointscol", "geom"), ("resolution", "16"));
        CanvasAssert.Single(result, DiagnosticCodes.InvalidResolution, node, "Cell", "resolution");
    }

    [Theory]
    [InlineData(true, WriteMode.Append)]
    [InlineData("true", WriteMode.Append)]
    [InlineData("False", WriteMode.Replace)]
    [InlineData(null, WriteMode.Replace)]
    public void Boolean_is_true_false_or_their_strings(object? append, WriteMode mode)
    {
        var c = new TestCanvas();
        var src = c.Source("src.schools", "schools", Schools);
        var save = c.Node("native.saveastable", "Save", ("destination", "out.x"), ("append", append));
        c.Flow(src, save);
        var result = CanvasTestKit.Import(c.ToJson());
        CanvasAssert.NoErrors(result);
        Assert.Equal(mode, Assert.Single(result.Workflow!.Sinks).Mode);
    }

    [Fact]
    public void Boolean_rejects_other_strings()
    {
        var c = new TestCanvas();
        var src = c.Source("src.schools", "schools", Schools);
        var save = c.Node("native.saveastable", "Save", ("destination", "out.x"), ("append", "yes"));
        c.Flow(src, save);
        CanvasAssert.Single(CanvasTestKit.Import(c.ToJson()), DiagnosticCodes.InvalidBoolean, save, "Save", "append");
    }

    [Fact]
    public void Column_list_may_be_an_array_or_a_comma_string()
    {
        var fromArray = One("native.dropcolumn", "Drop", ("column", new[] { "name", "geom" })).Result;
        var fromString = One("native.dropcolumn", "Drop", ("column", "name, geom")).Result;
        Assert.Equal(IrPrinter.PrintCanonical(fromArray.Workflow!), IrPrinter.PrintCanonical(fromString.Workflow!));
        Assert.Equal(["school_id", "students", "opened"], fromArray.Workflow!.Sinks.Single().Schema.Names);
    }

    [Fact]
    public void Column_aggregation_is_read_in_pairs()
    {
        var (result, _, _) = One("native.groupby", "Per name", ("groupby", "name"), ("columns", "students,sum,school_id,count_distinct"));
        CanvasAssert.NoErrors(result);
        Assert.Equal(["name", "students_sum", "school_id_count_distinct"], result.Workflow!.Sinks.Single().Schema.Names);
    }

    [Fact]
    public void Column_aggregation_with_an_odd_count_is_an_error()
    {
        var (result, _, node) = One("native.summarize", "Totals", ("columns", "students,sum,school_id"));
        var d = CanvasAssert.Single(result, DiagnosticCodes.InvalidAggregationList, node, "Totals", "columns");
        Assert.Contains("column,method pairs", d.Message);
    }

    [Fact]
    public void Unknown_aggregation_method_is_reported_with_a_suggestion()
    {
        var (result, _, node) = One("native.summarize", "Totals", ("columns", "students,summ"));
        var d = CanvasAssert.Single(result, DiagnosticCodes.InvalidAggregation, node, "Totals", "columns");
        Assert.Contains("did you mean 'sum'?", d.Hints);
    }

    [Fact]
    public void Unknown_column_names_node_input_path_line_and_a_suggestion()
    {
        var (result, json, node) = One("native.orderby", "Order by size", ("column", "studens"), ("direction", "Descending"));
        var d = CanvasAssert.Single(result, DiagnosticCodes.UnknownColumn, node, "Order by size", "column", "/nodes/1/data/inputs/1/value",
            TestCanvas.LineOf(json, "\"studens\""));
        Assert.Contains("unknown column 'studens'", d.Message);
        Assert.Contains("did you mean 'students'?", d.Hints);
        Assert.Matches(@"^test\.json:\d+:\d+: node 'Order by size' \(", d.ToString());
    }

    [Fact]
    public void Missing_required_value_is_an_error_but_a_default_fills_in()
    {
        var (result, _, node) = One("native.orderby", "Sort", ("column", ""));
        var d = CanvasAssert.Single(result, DiagnosticCodes.MissingValue, node, "Sort", "column");
        Assert.Contains("input 'column' has no value", d.Message);
        // direction is missing altogether and defaults to Ascending.
        var (ok, _, _) = One("native.orderby", "Sort", ("column", "name"));
        CanvasAssert.NoErrors(ok);
        Assert.False(Assert.Single(ok.Workflow!.Nodes.OfType<SortNode>()).Keys[0].Descending);
    }

    [Fact]
    public void Input_missing_altogether_is_reported_at_the_inputs_array()
    {
        var (result, _, node) = One("native.renamecolumn", "Rename", ("column", "name"));
        var d = CanvasAssert.Single(result, DiagnosticCodes.MissingValue, node, "Rename", "newname", "/nodes/1/data/inputs");
        Assert.Contains("the node has no input 'newname'", d.Message);
    }

    [Fact]
    public void Invalid_table_name_is_an_error()
    {
        var c = new TestCanvas();
        var src = c.Source("src.schools", "schools", Schools);
        var save = c.Node("native.saveastable", "Save", ("destination", "a.b.c.d"));
        c.Flow(src, save);
        CanvasAssert.Single(CanvasTestKit.Import(c.ToJson()), DiagnosticCodes.MalformedTableName, save, "Save", "destination");
    }

    [Fact]
    public void Object_where_a_single_value_is_expected_is_an_error()
    {
        var (result, _, node) = One("native.limit", "Top", ("limit", new { n = 5 }));
        var d = CanvasAssert.Single(result, DiagnosticCodes.InvalidValueShape, node, "Top", "limit");
        Assert.Contains("is an object", d.Message);
    }

    [Fact]
    public void Simple_filter_value_is_typed_by_the_column()
    {
        var date = One("native.wheresimplified", "Recent", ("column", "opened"), ("operator", "equal or greater than"), ("value", "2000-01-01")).Result;
        Assert.Equal("(opened >= date '2000-01-01')", date.Workflow!.Nodes.OfType<FilterNode>().Single().Predicate.ToString());
        var (bad, _, node) = One("native.wheresimplified", "Big", ("column", "students"), ("operator", "greater than"), ("value", "many"));
        CanvasAssert.Single(bad, DiagnosticCodes.InvalidFilterValue, node, "Big", "value");
    }

    [Fact]
    public void Replaced_column_is_a_warning()
    {
        var c = new TestCanvas();
        var src = c.Source("src.points", "points", "id:int64", "lat:float64", "lon:float64", "geom:string");
        var point = c.Node("native.geogpoint", "Point", ("latitude", "lat"), ("longitude", "lon"));
        var save = c.Node("native.saveastable", "Save", ("destination", "out.x"));
        c.Flow(src, point).Flow(point, save);
        var result = CanvasTestKit.Import(c.ToJson());
        CanvasAssert.NoErrors(result);
        CanvasAssert.Single(result, DiagnosticCodes.ColumnReplaced, point, "Point", pointer: "/nodes/1");
        Assert.Equal(["id", "lat", "lon", "geom"], result.Workflow!.Sinks.Single().Schema.Names);
    }

    [Fact]
    public void Every_error_of_a_node_is_reported_at_once()
    {
        var (result, _, _) = One("native.buffer", "Zone", ("geo", "geom"), ("distance", "far"), ("units", "Parsecs"));
        Assert.Contains(result.Diagnostics, d => d.Descriptor == DiagnosticCodes.NotANumber);
        Assert.Contains(result.Diagnostics, d => d.Descriptor == DiagnosticCodes.InvalidSelection);
    }
}
