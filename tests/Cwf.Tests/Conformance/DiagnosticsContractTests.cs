namespace Cwf.Tests.Conformance;

/// <summary>
/// Contract 5a.11 and 5b through the command line: each listed error exits 1 with nothing on standard
/// output (and no <c>-o</c> file), each listed warning exits 0 with the script; every canvas diagnostic
/// names its node by label and id, the input or handle concerned and the offending value.
/// </summary>
public sealed class DiagnosticsContractTests
{
    private static readonly System.Text.Json.Nodes.JsonObject Catalog = CwfCli.Catalog(CityData.All);

    /// <summary>Stores → one component (its default output) → save; returns the canvas and the component.</summary>
    private static (ProductCanvas Canvas, ProductCanvas.Node Source, ProductCanvas.Node Node) One(string component, string label, params (string, object?)[] values)
    {
        var c = new ProductCanvas($"One {component} {label}");
        var stores = c.Source("src.stores", "Stores");
        var node = c.Add(component, label, values);
        c.Connect(stores, node);
        c.Save(node, "out.result");
        return (c, stores, node);
    }

    /// <summary>Exit 1, nothing on standard output, no output file, and one error mentioning every fragment.</summary>
    private static CwfCli.Result Error(ProductCanvas canvas, params string[] fragments)
    {
        var outFile = Path.Combine(Path.GetTempPath(), $"cwf-conform-{Guid.NewGuid():N}.sql");
        var r = CwfCli.Compile(canvas, "postgres", Catalog, "-o", outFile).ExpectExit(1);
        Assert.Equal("", r.Output);
        Assert.False(File.Exists(outFile), "an output file was written for a canvas with errors");
        r.Single("error", fragments);
        // Without -o as well: still nothing on standard output.
        var plain = CwfCli.Compile(canvas, "postgres", Catalog).ExpectExit(1);
        Assert.Equal("", plain.Output);
        return r;
    }

    /// <summary>Exit 0, a script on standard output, and one warning mentioning every fragment.</summary>
    private static CwfCli.Result Warning(ProductCanvas canvas, params string[] fragments)
    {
        var r = CwfCli.Compile(canvas, "postgres", Catalog).ExpectExit(0);
        Assert.Contains("CREATE TABLE", r.Output);
        Assert.Empty(r.Errors);
        r.Single("warning", fragments);
        return r;
    }

    [Fact]
    public void Unknown_target_handle_is_an_error_naming_node_and_handle()
    {
        var c = new ProductCanvas("Unknown target handle");
        var stores = c.Source("src.stores", "Stores");
        var limit = c.Add("native.limit", "First rows", ("limit", 3));
        c.Connect(stores, "out", limit, "input");
        c.Save(limit, "out.result");
        Error(c, limit.Named, "'input'");
    }

    [Fact]
    public void Unknown_source_handle_is_an_error_naming_node_and_handle()
    {
        var c = new ProductCanvas("Unknown source handle");
        var stores = c.Source("src.stores", "Stores");
        var where = c.Add("native.where", "Big stores", ("expression", "revenue > 900"));
        c.Connect(stores, where);
        c.Save(where, "out.result", handle: "matched");
        Error(c, where.Named, "'matched'");
    }

    [Fact]
    public void Selection_that_is_not_an_option_is_an_error_naming_the_value_and_the_options()
    {
        var (c, _, node) = One("native.wheresimplified", "Simple Filter", ("column", "revenue"), ("operator", "bigger than"), ("value", "500"));
        var e = Error(c, node.Named, "'operator'", "'bigger than'");
        Assert.Contains("'greater than'", e.Error);
    }

    [Theory]
    [InlineData("native.orderby", "direction", "descending")]
    [InlineData("native.wheresimplified", "operator", "Greater Than")]
    public void Selection_differing_only_in_case_is_a_warning_and_accepted(string component, string input, string value)
    {
        var values = component == "native.orderby"
            ? new (string, object?)[] { ("column", "revenue"), ("direction", value) }
            : [("column", "revenue"), ("operator", value), ("value", "500")];
        var (c, _, node) = One(component, "Case only", values);
        Warning(c, node.Named, $"'{input}'", $"'{value}'");
    }

    [Theory]
    [InlineData("500m")]
    [InlineData("abc")]
    [InlineData("1,5")]
    public void Non_numeric_number_is_an_error_naming_node_input_and_value(string distance)
    {
        var (c, _, node) = One("native.buffer", "Buffer stores", ("geo", "geom"), ("distance", distance), ("units", "Meters"));
        Error(c, node.Named, "'distance'", $"'{distance}'");
    }

    [Fact]
    public void Required_input_without_an_edge_is_an_error_naming_node_and_input()
    {
        var c = new ProductCanvas("Half a join");
        var stores = c.Source("src.stores", "Stores");
        var join = c.Add("native.join", "Store district", ("maincolumn", "district_id"), ("secondarycolumn", "district_id"), ("jointype", "Inner"));
        c.Connect(stores, join, "maintable");
        c.Save(join, "out.result");
        Error(c, join.Named, "'secondarytable'");
    }

    [Fact]
    public void Several_edges_into_a_single_input_is_an_error_naming_node_and_input()
    {
        var c = new ProductCanvas("Two into one");
        var stores = c.Source("src.stores", "Stores");
        var districts = c.Source("src.districts", "Districts");
        var distinct = c.Add("native.distinct", "Unique rows");
        c.Connect(stores, distinct);
        c.Connect(districts, distinct);
        c.Save(distinct, "out.result");
        Error(c, distinct.Named, "'source'");
    }

    [Theory]
    [InlineData("native.wheresimplified", "column")]
    [InlineData("native.orderby", "column")]
    [InlineData("native.dropcolumn", "column")]
    [InlineData("native.isnotnull", "column")]
    public void Unknown_column_is_an_error_naming_node_input_and_column(string component, string input)
    {
        var values = component switch
        {
            "native.wheresimplified" => new (string, object?)[] { (input, "revnue"), ("operator", "greater than"), ("value", "5") },
            "native.orderby" => [(input, "revnue"), ("direction", "Ascending")],
            _ => [(input, "revnue")],
        };
        var (c, _, node) = One(component, "Uses a typo", values);
        Error(c, node.Named, "'revnue'");
    }

    [Fact]
    public void Unknown_column_in_a_join_is_an_error_naming_the_input()
    {
        var c = new ProductCanvas("Join typo");
        var stores = c.Source("src.stores", "Stores");
        var districts = c.Source("src.districts", "Districts");
        var join = c.Add("native.join", "Store district", ("maincolumn", "district_id"), ("secondarycolumn", "distrct_id"), ("jointype", "Left"));
        c.Connect(stores, join, "maintable");
        c.Connect(districts, join, "secondarytable");
        c.Save(join, "out.result");
        Error(c, join.Named, "'secondarycolumn'", "'distrct_id'");
    }

    [Fact]
    public void Cycle_is_an_error_listing_every_node_on_it()
    {
        var c = new ProductCanvas("Loop");
        var stores = c.Source("src.stores", "Stores");
        var union = c.Add("native.unionall", "Union back");
        var distinct = c.Add("native.distinct", "Step one");
        var limit = c.Add("native.limit", "Step two", ("limit", 5));
        var order = c.Add("native.orderby", "Step three", ("column", "revenue"), ("direction", "Ascending"));
        c.Connect(stores, union, "tables");
        c.Connect(union, distinct);
        c.Connect(distinct, limit);
        c.Connect(limit, order);
        c.Connect(order, union, "tables");
        c.Save(order, "out.result");
        Error(c, union.Named, distinct.Named, limit.Named, order.Named);
    }

    [Theory]
    [InlineData("canvas.json")]
    [InlineData("canvas.sql")]
    public void Malformed_json_is_an_error(string fileName)
    {
        var (c, _, _) = One("native.distinct", "Unique");
        var json = c.ToJson();
        // A truncated export; in the .sql envelope, a diagramJson string that holds a truncated export.
        var text = fileName.EndsWith(".sql")
            ? "/*" + new System.Text.Json.Nodes.JsonObject { ["versionId"] = "v1", ["diagramJson"] = json[..(json.Length / 2)] }.ToJsonString() + "*/\nCALL p();\n"
            : json[..(json.Length / 2)];
        var r = CwfCli.Compile(text, "postgres", Catalog, fileName).ExpectExit(1);
        Assert.Equal("", r.Output);
        Assert.NotEmpty(r.Errors);
    }

    [Fact]
    public void Edge_from_a_node_that_does_not_exist_is_a_warning_naming_it()
    {
        var (c, _, node) = One("native.distinct", "Unique rows");
        c.Edge("import_deleted_node", "out", node.Id, "source");
        // The input is otherwise connected: a warning only (besides "several edges" not applying to a dangling edge).
        Warning(c, node.Named, "import_deleted_node");
    }

    [Fact]
    public void Edge_to_a_node_that_does_not_exist_is_a_warning_naming_it()
    {
        var (c, _, node) = One("native.distinct", "Unique rows");
        c.Edge(node.Id, "result", "deleted-save-node", "source");
        Warning(c, node.Named, "deleted-save-node");
    }

    [Fact]
    public void Dangling_edge_that_leaves_a_required_input_unconnected_is_an_error()
    {
        var c = new ProductCanvas("Dangling");
        var distinct = c.Add("native.distinct", "Unique rows");
        c.Edge("import_deleted_node", "out", distinct.Id, "source");
        c.Save(distinct, "out.result");
        Error(c, distinct.Named, "'source'");
    }

    [Fact]
    public void Duplicated_edge_is_a_warning()
    {
        var (c, stores, node) = One("native.distinct", "Unique rows");
        c.Connect(stores, node);
        var r = Warning(c, node.Named, "'source'");
        Assert.Single(r.Warnings);
    }

    [Fact]
    public void Unconnected_node_is_a_warning_naming_it()
    {
        var (c, _, _) = One("native.distinct", "Unique rows");
        var lonely = c.Add("native.limit", "Forgotten limit", ("limit", 4));
        Warning(c, lonely.Named);
    }

    [Fact]
    public void Opaque_component_is_a_warning_naming_it_when_nothing_needs_its_output()
    {
        var (c, stores, _) = One("native.distinct", "Unique rows");
        var iso = c.Add("native.routes", "Drive time", ("geo", "geom"), ("mode", "car"), ("range_type", "time"), ("range", 600));
        c.Connect(stores, iso);
        Warning(c, iso.Named, "native.routes");
    }

    [Fact]
    public void Opaque_component_feeding_an_output_is_refused_by_the_backend_with_an_error_naming_it()
    {
        var (c, stores, _) = One("native.distinct", "Unique rows");
        var iso = c.Add("native.routes", "Drive time", ("geo", "geom"), ("mode", "car"), ("range_type", "time"), ("range", 600));
        c.Connect(stores, iso);
        c.Save(iso, "out.isolines");
        var r = CwfCli.Compile(c, "postgres", Catalog).ExpectExit(1);
        Assert.Equal("", r.Output);
        r.Single("warning", iso.Named, "native.routes");
        Assert.Contains(r.Errors, e => e.Contains("native.routes", StringComparison.Ordinal));
    }

    [Fact]
    public void Replaced_column_is_a_warning_naming_node_and_column()
    {
        var (c, _, node) = One("native.buffer", "Buffer stores", ("geo", "geom"), ("distance", 10), ("units", "Meters"));
        var again = c.Add("native.buffer", "Buffer again", ("geo", "geom"), ("distance", 20), ("units", "Meters"));
        c.Connect(node, again);
        c.Save(again, "out.twice");
        Warning(c, again.Named, "'geom_buffer'");
    }

    [Fact]
    public void Every_error_of_a_canvas_is_reported_in_one_run()
    {
        var c = new ProductCanvas("Many mistakes");
        var stores = c.Source("src.stores", "Stores");
        var filter = c.Add("native.wheresimplified", "Bad filter", ("column", "revenue"), ("operator", "bigger than"), ("value", "5"));
        var buffer = c.Add("native.buffer", "Bad buffer", ("geo", "geom"), ("distance", "far"), ("units", "Meters"));
        c.Connect(stores, filter);
        c.Connect(stores, buffer);
        c.Save(filter, "out.a");
        c.Save(buffer, "out.b");
        var r = CwfCli.Compile(c, "postgres", Catalog).ExpectExit(1);
        Assert.Equal("", r.Output);
        r.Single("error", filter.Named, "'bigger than'");
        r.Single("error", buffer.Named, "'far'");
    }

    [Fact]
    public void A_source_whose_columns_are_unknown_is_an_error_naming_node_and_table()
    {
        var c = new ProductCanvas("Unknown table");
        var sensors = c.Source("src.sensorz", "Sensors");
        var distinct = c.Add("native.distinct", "Unique rows");
        c.Connect(sensors, distinct);
        c.Save(distinct, "out.result");
        Error(c, sensors.Named, "'source'", "'src.sensorz'");
    }

    [Fact]
    public void Notes_give_no_diagnostics()
    {
        var (c, _, _) = One("native.distinct", "Unique rows");
        c.Note("## Why\nRemoves duplicate stores.");
        var r = CwfCli.Compile(c, "postgres", Catalog).ExpectExit(0);
        Assert.Empty(r.Warnings);
        Assert.Empty(r.Errors);
    }
}
