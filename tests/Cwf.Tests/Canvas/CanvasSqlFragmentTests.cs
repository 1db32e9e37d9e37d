using Cwf.Canvas;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Tests.Canvas;

public class CanvasSqlFragmentTests
{
    private static readonly string[] Orders = ["order_id:int64", "customer:string", "quantity:int64", "unit_price:float64", "ordered_on:date", "geom:geography"];

    private static (CanvasImportResult Result, string Json, string Node) One(string component, string label, params (string, object?)[] values) =>
        OneWith(new TestCanvas(), component, label, values);

    private static (CanvasImportResult Result, string Json, string Node) OneWith(TestCanvas c, string component, string label, params (string, object?)[] values)
    {
        var src = c.Source("src.orders", "orders", Orders);
        var node = c.Node(component, label, values);
        var save = c.Node("native.saveastable", "Save", ("destination", "out.x"));
        c.Edge(src, "out", node, component == "native.select" ? "table" : component == "native.customsql" ? "sourcea" : "source")
            .Edge(node, component == "native.where" ? "match" : "result", save, "source");
        var json = c.ToJson();
        return (CanvasTestKit.Import(json), json, node);
    }

    [Fact]
    public void Where_expression_binds_to_typed_ir()
    {
        var (result, _, _) = One("native.where", "Big orders", ("expression", "quantity * unit_price >= 100 AND customer LIKE 'A%'"));
        CanvasAssert.NoErrors(result);
        Assert.Equal("(((quantity * unit_price) >= 100) and (customer like 'A%'))", result.Workflow!.Nodes.OfType<FilterNode>().Single().Predicate.ToString());
        CanvasAssert.Lacks(result, DiagnosticCodes.SqlFragmentNotAnalysed);
    }

    [Fact]
    public void Misspelled_column_in_a_fragment_is_an_error_at_its_position_in_the_file()
    {
        var (result, json, node) = One("native.selectexpression", "Line total", ("column", "total"), ("expression", "quantity * unit_prce"));
        var d = CanvasAssert.Single(result, DiagnosticCodes.UnknownColumn, node, "Line total", "expression", "/nodes/1/data/inputs/2/value",
            TestCanvas.LineOf(json, "unit_prce"));
        var line = json.Split('\n')[TestCanvas.LineOf(json, "unit_prce") - 1];
        Assert.Equal(line.IndexOf("unit_prce", StringComparison.Ordinal) + 1, ((CanvasLocation)d.Location).Position!.Value.Column);
        Assert.Contains("did you mean 'unit_price'?", d.Hints);
        Assert.Null(result.Workflow);
    }

    [Fact]
    public void Unknown_vendor_function_keeps_the_fragment_verbatim_with_a_warning()
    {
        var (result, _, node) = One("native.where", "Near", ("expression", "ST_DWITHIN_SPHEROID(geom, ST_GEOGPOINT(1, 2), 100)"));
        CanvasAssert.NoErrors(result);
        var d = CanvasAssert.Single(result, DiagnosticCodes.SqlFragmentNotAnalysed, node, "Near", "expression");
        Assert.Contains("unknown function", d.Message);
        Assert.IsType<RawSql>(result.Workflow!.Nodes.OfType<FilterNode>().Single().Predicate);
    }

    [Fact]
    public void Unknown_function_with_an_unknown_column_is_still_an_error()
    {
        var (result, _, node) = One("native.where", "Near", ("expression", "MY_UDF(geomm) > 1"));
        CanvasAssert.Single(result, DiagnosticCodes.UnknownColumn, node, "Near", "expression");
        CanvasAssert.Lacks(result, DiagnosticCodes.SqlFragmentNotAnalysed);
    }

    [Fact]
    public void Syntax_cwf_cannot_read_is_kept_verbatim()
    {
        var (result, _, _) = One("native.selectexpression", "Text", ("column", "m"), ("expression", "SAFE_CAST(quantity AS STRING)"));
        CanvasAssert.NoErrors(result);
        CanvasAssert.Single(result, DiagnosticCodes.SqlFragmentNotAnalysed);
        var column = result.Workflow!.Nodes.OfType<ProjectNode>().Single().Columns[^1];
        Assert.Equal(new RawSql("SAFE_CAST(quantity AS STRING)", SqlType.Unknown), column.Expr);
    }

    [Fact]
    public void At_variables_are_typed_parameters_in_analysed_fragments()
    {
        var c = new TestCanvas().Variable("min_qty", "Number", 5, isPublic: true).Variable("who", "String", "Ann");
        var (result, _, _) = OneWith(c, "native.where", "Filter", ("expression", "quantity >= @min_qty AND customer = @who"));
        CanvasAssert.NoErrors(result);
        Assert.Equal("((quantity >= @min_qty) and (customer = @who))", result.Workflow!.Nodes.OfType<FilterNode>().Single().Predicate.ToString());
    }

    [Fact]
    public void At_variables_are_literals_in_verbatim_fragments()
    {
        var c = new TestCanvas().Variable("who", "String", "O'Hara");
        var (result, _, _) = OneWith(c, "native.where", "Filter", ("expression", "REGEXP_CONTAINS(customer, @who)"));
        CanvasAssert.NoErrors(result);
        Assert.Equal(new RawSql("REGEXP_CONTAINS(customer, 'O''Hara')", SqlType.Unknown), result.Workflow!.Nodes.OfType<FilterNode>().Single().Predicate);
    }

    [Fact]
    public void Double_quoted_text_is_a_string_on_bigquery_and_a_name_elsewhere()
    {
        var bigquery = new TestCanvas { Provider = "bigquery" };
        var (bq, _, _) = OneWith(bigquery, "native.where", "Filter", ("expression", "customer = \"Ann\""));
        Assert.Equal("(customer = 'Ann')", bq.Workflow!.Nodes.OfType<FilterNode>().Single().Predicate.ToString());
        var (pg, _, _) = One("native.where", "Filter", ("expression", "\"customer\" = 'Ann'"));
        Assert.Equal("(customer = 'Ann')", pg.Workflow!.Nodes.OfType<FilterNode>().Single().Predicate.ToString());
    }

    [Fact]
    public void Where_condition_must_be_boolean()
    {
        var (result, _, node) = One("native.where", "Filter", ("expression", "quantity + 1"));
        CanvasAssert.Single(result, DiagnosticCodes.PredicateNotBoolean, node, "Filter", "expression");
    }

    [Fact]
    public void Selectexpression_replaces_a_column_in_place_with_a_warning()
    {
        var (result, _, node) = One("native.selectexpression", "Upper", ("column", "customer"), ("expression", "upper(customer)"));
        CanvasAssert.NoErrors(result);
        CanvasAssert.Single(result, DiagnosticCodes.ColumnReplaced, node, "Upper");
        Assert.Equal(["order_id", "customer", "quantity", "unit_price", "ordered_on", "geom"], result.Workflow!.Sinks.Single().Schema.Names);
    }

    [Fact]
    public void Select_list_binds_with_star_and_aliases()
    {
        var (result, _, _) = One("native.select", "Pick", ("select", "SELECT order_id, quantity * unit_price AS total, *"));
        Assert.Contains(result.Diagnostics, d => d.Descriptor == DiagnosticCodes.DuplicateOutputColumn);
        var (ok, _, _) = One("native.select", "Pick", ("select", "order_id, quantity * unit_price AS total, upper(customer) AS who"));
        CanvasAssert.NoErrors(ok);
        Assert.Equal("(order_id: int64, total: float64, who: string)", ok.Workflow!.Sinks.Single().Schema.ToString());
    }

    [Fact]
    public void Select_list_with_vendor_functions_becomes_custom_sql()
    {
        var (result, _, _) = One("native.select", "Pick", ("select", "order_id, FORMAT_DATE('%Y', ordered_on) AS year"));
        CanvasAssert.NoErrors(result);
        CanvasAssert.Single(result, DiagnosticCodes.SqlFragmentNotAnalysed);
        Assert.Equal("SELECT order_id, FORMAT_DATE('%Y', ordered_on) AS year FROM $a", result.Workflow!.Nodes.OfType<OpaqueNode>().Single().SqlTemplate);
    }

    [Theory]
    [InlineData("SELECT order_id, quantity * unit_price AS total FROM $a", "(order_id: int64, total: float64)")]
    [InlineData("select distinct o.customer from $a as o where o.quantity > 1 order by 1", "(customer: string)")]
    [InlineData("SELECT * FROM $a o LIMIT 10", "(order_id: int64, customer: string, quantity: int64, unit_price: float64, ordered_on: date, geom: geography)")]
    public void Plain_custom_sql_select_infers_its_schema(string sql, string schema)
    {
        var (result, _, _) = One("native.customsql", "Q", ("sql", sql));
        CanvasAssert.NoErrors(result);
        CanvasAssert.Lacks(result, DiagnosticCodes.UncheckedSchema);
        Assert.Equal(schema, result.Workflow!.Nodes.OfType<OpaqueNode>().Single().Schema.ToString());
    }

    [Theory]
    [InlineData("SELECT customer, COUNT(*) AS n FROM $a GROUP BY customer")]
    [InlineData("SELECT a.order_id FROM $a a JOIN other b ON a.order_id = b.id")]
    [InlineData("SELECT order_idd FROM $a")]
    [InlineData("WITH x AS (SELECT 1) SELECT * FROM x")]
    public void Other_custom_sql_has_an_open_schema(string sql)
    {
        var (result, _, node) = One("native.customsql", "Q", ("sql", sql));
        CanvasAssert.NoErrors(result);
        CanvasAssert.Single(result, DiagnosticCodes.UncheckedSchema, node, "Q");
    }

    [Fact]
    public void Trailing_semicolons_are_dropped_from_fragments()
    {
        var (result, _, _) = One("native.where", "Filter", ("expression", "quantity > 1;  "));
        CanvasAssert.NoErrors(result);
        CanvasAssert.Lacks(result, DiagnosticCodes.SqlFragmentNotAnalysed);
        var (sql, _, _) = One("native.customsql", "Q", ("sql", "SELECT order_id FROM $A;\n"));
        CanvasAssert.NoErrors(sql);
        var node = sql.Workflow!.Nodes.OfType<OpaqueNode>().Single();
        Assert.Equal("SELECT order_id FROM $a", node.SqlTemplate);
        Assert.Equal("(order_id: int64)", node.Schema.ToString());
    }
}
