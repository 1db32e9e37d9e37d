using System.Text.Json;
using Cwf.Diagnostics;
using Cwf.Diagnostics.Formatters;
using Cwf.Text;
using static Cwf.Tests.Binding.Compilation;

namespace Cwf.Tests.Formatting;

public class DiagnosticFormatterTests
{
    private const string Program = """
        source stores = table "retail.stores" { store_id: int64, revenue: float64 }
        let big = stores | filter revnue > 100
        output big -> table "out.big"
        """;

    private static Diagnostic UnknownColumn() => Assert.Single(Compile(Program, path: "stores.cwf").Diagnostics);

    [Fact]
    public void Text_shows_the_line_a_caret_and_the_hints()
    {
        var text = TextDiagnosticFormatter.Format(UnknownColumn());
        Assert.Equal("""
            stores.cwf:2:27: error CWF2800: unknown column 'revnue' in 'stores'
                2 | let big = stores | filter revnue > 100
                  |                           ^~~~~~
                  = hint: did you mean 'revenue'?
                  = hint: available columns: store_id, revenue

            """.Replace("\r\n", "\n"), text);
    }

    [Fact]
    public void Text_renders_canvas_and_json_locations_with_their_excerpt()
    {
        var canvasText = SourceText.From("{\n  \"nodes\": [\n    {\"id\": \"n1\"}\n  ]\n}", "flow.json");
        var options = new DiagnosticFormatOptions { SourceLookup = p => p == "flow.json" ? canvasText : null };
        var canvas = Diagnostic.Create(DiagnosticCodes.UnknownColumn,
            new CanvasLocation("flow.json", "n1", "Simple Filter", "column", "/nodes/0/data/inputs/1/value", new LinePosition(3, 6)),
            "unknown column 'x'", "did you mean 'y'?");
        Assert.Equal("""
            flow.json:3:6: error CWF2800: unknown column 'x'
                  = at node 'Simple Filter' (n1), input 'column', /nodes/0/data/inputs/1/value
                3 |     {"id": "n1"}
                  |      ^
                  = hint: did you mean 'y'?

            """.Replace("\r\n", "\n"), TextDiagnosticFormatter.Format(canvas, options));

        var json = Diagnostic.Create(DiagnosticCodes.CatalogInvalidEntry, new JsonLocation("catalog.json", "/tables/0"), "bad entry");
        Assert.Equal("catalog.json: error CWF0011: bad entry\n      = at /tables/0\n", TextDiagnosticFormatter.Format(json));
        var file = Diagnostic.Create(DiagnosticCodes.FileNotFound, new FileLocation("x.cwf"), "cannot read 'x.cwf'");
        Assert.Equal("x.cwf: error CWF0001: cannot read 'x.cwf'\n", TextDiagnosticFormatter.Format(file));
    }

    [Fact]
    public void Related_locations_are_notes()
    {
        var d = Assert.Single(Errors("source a = table \"x.a\" { i: int64 }\nsource a = table \"x.b\" { i: int64 }\noutput a -> table \"o.t\""));
        var text = TextDiagnosticFormatter.Format(d);
        Assert.Contains("= note: see test.cwf:1:8", text);
    }

    [Fact]
    public void Json_lists_every_field()
    {
        using var doc = JsonDocument.Parse(JsonDiagnosticFormatter.Format([UnknownColumn()]));
        var d = doc.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal("CWF2800", d.GetProperty("code").GetString());
        Assert.Equal("error", d.GetProperty("severity").GetString());
        Assert.Equal("unknown column 'revnue' in 'stores'", d.GetProperty("message").GetString());
        Assert.Equal("did you mean 'revenue'?", d.GetProperty("hints")[0].GetString());
        var location = d.GetProperty("location");
        Assert.Equal("source", location.GetProperty("kind").GetString());
        Assert.Equal(2, location.GetProperty("line").GetInt32());
        Assert.Equal(27, location.GetProperty("column").GetInt32());
        Assert.Equal(33, location.GetProperty("endColumn").GetInt32());
        Assert.Equal(1, doc.RootElement.GetProperty("errors").GetInt32());
    }

    [Fact]
    public void Sarif_is_a_valid_2_1_0_log()
    {
        var canvas = Diagnostic.Create(DiagnosticCodes.ColumnReplaced, new CanvasLocation("flows/my flow.json", "n1", "Buffer", null, "/nodes/3", new LinePosition(40, 3)), "replaced");
        using var doc = JsonDocument.Parse(SarifDiagnosticFormatter.Format([UnknownColumn(), canvas]));
        var root = doc.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal(SarifDiagnosticFormatter.SchemaUri, root.GetProperty("$schema").GetString());
        var run = root.GetProperty("runs")[0];
        Assert.Equal("cwf", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        Assert.Equal(["CWF2800", "CWF2802"], rules.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        var results = run.GetProperty("results");
        var first = results[0];
        Assert.Equal("error", first.GetProperty("level").GetString());
        Assert.Equal(0, first.GetProperty("ruleIndex").GetInt32());
        var region = first.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(2, region.GetProperty("startLine").GetInt32());
        Assert.Equal(27, region.GetProperty("startColumn").GetInt32());
        Assert.Equal(33, region.GetProperty("endColumn").GetInt32());
        var second = results[1];
        Assert.Equal("warning", second.GetProperty("level").GetString());
        var location = second.GetProperty("locations")[0];
        Assert.Equal("flows/my%20flow.json", location.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("nodes/n1", location.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());
    }

    [Fact]
    public void Formats_are_selected_by_name_and_summarised()
    {
        Assert.Equal(DiagnosticFormat.Sarif, DiagnosticFormatter.Parse("SARIF"));
        Assert.Null(DiagnosticFormatter.Parse("xml"));
        Assert.Equal("1 error", DiagnosticFormatter.Summary([UnknownColumn()]));
        Assert.StartsWith("{", DiagnosticFormatter.Format(DiagnosticFormat.Json, [UnknownColumn()]));
    }
}
