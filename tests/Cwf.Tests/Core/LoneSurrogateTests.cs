using Cwf.Canvas;
using Cwf.Catalog;
using Cwf.Diagnostics;
using Cwf.Interpretation.Data;
using Cwf.Ir;
using Cwf.Tests.Canvas;
using Cwf.Text;

namespace Cwf.Tests.Core;

/// <summary>
/// A JSON string holding a lone surrogate (<c>"\ud800"</c>) is valid JSON grammar but no text:
/// System.Text.Json throws when asked for it. Every reader reports it at its JSON path instead
/// (issue 12: these were CWF9001 crashes in CanvasValue.From, CanvasDecoder.Scalar, SchemaJson).
/// </summary>
public class LoneSurrogateTests
{
    private const string Canvas = """
        {"title": "T", "nodes": [
          {"id": "a", "type": "source", "data": {"name": "ReadTable", "label": "L", "inputs": [{"name": "source", "value": "src.t"}],
            "schema": [{"name": "x", "type": "int64"}]}},
          {"id": "b", "data": {"name": "native.limit", "label": "Limit", "inputs": [{"name": "limit", "value": 5}]}},
          {"id": "c", "data": {"name": "native.saveastable", "inputs": {"destination": "out.t"}}}],
         "edges": [{"source": "a", "sourceHandle": "out", "target": "b", "targetHandle": "source"},
                   {"source": "b", "sourceHandle": "result", "target": "c", "targetHandle": "source"}],
         "variables": [{"name": "n", "type": "Number", "value": 1}]}
        """;

    [Theory]
    [InlineData("\"title\": \"T\"", "\"title\": \"\\ud800\"", "/title")]
    [InlineData("\"label\": \"L\"", "\"label\": \"x\\udc00y\"", "/nodes/0/data/label")]
    [InlineData("\"value\": \"src.t\"", "\"value\": \"\\ud800\\ud800\\udc00\"", "/nodes/0/data/inputs/0/value")]
    [InlineData("\"value\": 5", "\"value\": [\"\\udfff\"]", "/nodes/1/data/inputs/0/value/0")]
    [InlineData("\"destination\": \"out.t\"", "\"destination\": \"out.\\uDBFF\"", "/nodes/2/data/inputs/destination")]
    [InlineData("{\"destination\"", "{\"\\ud800\"", "/nodes/2/data/inputs/\\ud800")]
    [InlineData("\"name\": \"n\"", "\"name\": \"\\ud800n\"", "/variables/0/name")]
    [InlineData("\"name\": \"x\"", "\"name\": \"\\udc00\"", "/nodes/0/data/schema/0/name")]
    public void Canvas_strings_with_a_lone_surrogate_are_a_diagnostic_at_their_path(string original, string replacement, string pointer)
    {
        Assert.Contains(original, Canvas);
        var text = Canvas.Replace(original, replacement);
        var result = CanvasTestKit.Import(text);
        var d = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.CanvasMalformedJson, d.Descriptor);
        Assert.Equal($"the canvas is not valid JSON: invalid UTF-16: lone surrogate in the string at {pointer}", d.Message);
        int line = text[..text.IndexOf(replacement, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        Assert.Equal(line, ((SourceLocation)d.Location).Start.Line);
        Assert.Null(result.Workflow);
    }

    [Fact]
    public void A_whole_surrogate_pair_is_text()
    {
        var result = CanvasTestKit.Import(Canvas.Replace("\"title\": \"T\"", "\"title\": \"\\ud83d\\ude00 and \\\\ud800\""));
        Assert.False(result.HasErrors, CanvasTestKit.Describe(result.Diagnostics));
    }

    [Fact]
    public void Cli_bundles_and_generated_sql_report_the_surrogate_in_the_outer_or_the_inner_json()
    {
        var broken = Canvas.Replace("\"label\": \"L\"", "\"label\": \"\\ud800\"");
        var bundle = System.Text.Json.JsonSerializer.Serialize(new { config = broken });
        Assert.Contains("/config", Message(CanvasTestKit.Import("{\"config\": \"\\ud800\"}")));
        Assert.Contains("/nodes/0/data/label", Message(CanvasTestKit.Import(bundle)));
        var sql = "/* " + System.Text.Json.JsonSerializer.Serialize(new { versionId = "1", diagramJson = broken }) + " */\nSELECT 1;\n";
        Assert.Contains("/nodes/0/data/label", Message(CanvasTestKit.Import(sql, path: "w.sql")));
        Assert.Contains("/diagramJson", Message(CanvasTestKit.Import("/* {\"diagramJson\": \"\\udc00\"} */\nSELECT 1;", path: "w.sql")));
        Assert.Contains("/x", Message(CanvasTestKit.Import("/* {\"x\": \"\\udc00\", \"diagramJson\": {\"nodes\": []}} */\nSELECT 1;", path: "w.sql")));
    }

    [Fact]
    public void A_raw_lone_surrogate_in_the_text_is_reported_where_it_is()
    {
        var result = CanvasTestKit.Import("{\"title\": \"a\uD800\", \"nodes\": []}");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.CanvasMalformedJson, d.Descriptor);
        Assert.Contains("lone surrogate U+D800", d.Message);
        Assert.Equal(13, ((SourceLocation)d.Location).Start.Column);
    }

    [Fact]
    public void Catalog_column_names_with_a_lone_surrogate_are_a_catalog_diagnostic()
    {
        var (catalog, diagnostics) = CatalogFile.Parse(SourceText.From("{\"tables\": [{\"name\": \"s.t\", \"columns\": [\n  {\"name\": \"\\ud800\", \"type\": \"int64\"}]}]}", "c.json"));
        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.CatalogMalformed, d.Descriptor);
        var location = Assert.IsType<JsonLocation>(d.Location);
        Assert.Equal("/tables/0/columns/0/name", location.JsonPointer);
        Assert.Equal(2, location.Position!.Value.Line);
        Assert.Empty(catalog.TableNames);
    }

    [Theory]
    [InlineData("t.jsonl", "{\"x\": \"\\ud800\"}\n")]
    [InlineData("t.jsonl", "{\"\\udc00\": 1}\n")]
    [InlineData("t.geojson", "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"x\": \"\\ud800\"}, \"geometry\": null}]}")]
    public void Data_files_with_a_lone_surrogate_are_a_data_diagnostic(string name, string text)
    {
        var dir = Directory.CreateTempSubdirectory("cwf-surrogate-");
        try
        {
            var path = Path.Combine(dir.FullName, name);
            File.WriteAllText(path, text);
            var diagnostics = new DiagnosticBag();
            Assert.Null(DataDirectory.ReadFile(path, new Schema([new Column("x", SqlType.String)]), diagnostics));
            var d = Assert.Single(diagnostics.ToImmutable(), d => d.IsError);
            Assert.Equal(DiagnosticCodes.DataFileMalformed, d.Descriptor);
            Assert.Contains("invalid UTF-16: lone surrogate", d.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("\"a\"", true)]
    [InlineData("\"\\ud83d\\ude00\"", true)]
    [InlineData("\"\\\\ud800\"", true)]
    [InlineData("\"\\\\\\ud800\"", false)]
    [InlineData("\"\\ud800\"", false)]
    [InlineData("\"\\ud800x\"", false)]
    [InlineData("\"\\ud800\\u0041\"", false)]
    [InlineData("\"\\ude00\\ud83d\"", false)]
    [InlineData("\"\\uD83D\\uDE00\\n\\u00e9\"", true)]
    public void Strings_decode_unless_a_surrogate_escape_is_alone(string raw, bool decodable) =>
        Assert.Equal(decodable, JsonStrings.IsDecodable(System.Text.Encoding.UTF8.GetBytes(raw)));

    private static string Message(CanvasImportResult result) =>
        Assert.Single(result.Diagnostics, d => d.IsError).Message;
}
