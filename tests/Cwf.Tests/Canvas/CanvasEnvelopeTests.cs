using System.Text.Json;
using System.Text.Json.Nodes;
using Cwf.Canvas;
using Cwf.Diagnostics;
using Cwf.Text;

namespace Cwf.Tests.Canvas;

public class CanvasEnvelopeTests
{
    // The product writes \" inside diagramJson; System.Text.Json's default would write \u0022.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A small canvas whose simple filter has an unknown column 'studnts'.</summary>
    private static TestCanvas BrokenCanvas(out string filter)
    {
        var c = new TestCanvas();
        var src = c.Source("src.schools", "schools", "school_id:int64", "students:int64");
        filter = c.Node("native.wheresimplified", "Simple Filter", ("column", "studnts"), ("operator", "greater than"), ("value", "500"));
        var save = c.Node("native.saveastable", "Save", ("destination", "out.big"));
        c.Flow(src, filter).Edge(filter, "match", save, "source");
        return c;
    }

    [Fact]
    public void Canvas_export_is_reported_as_such()
    {
        var c = BrokenCanvas(out _);
        var result = CanvasTestKit.Import(c.ToJson());
        Assert.Equal(CanvasEnvelopeKind.CanvasExport, result.Envelope);
        var info = Assert.Single(result.Diagnostics, d => d.Descriptor == DiagnosticCodes.CanvasEnvelope);
        Assert.Equal(Severity.Info, info.Severity);
        Assert.Contains("read a canvas export: 'Test canvas', 3 nodes, 2 edges", info.Message);
    }

    [Fact]
    public void Cli_bundle_reads_the_config_and_prefixes_pointers()
    {
        var canvas = BrokenCanvas(out var filter).ToJsonObject();
        var bundle = new JsonObject
        {
            ["id"] = "8b0e7f0c", ["title"] = "Bundle", ["connectionId"] = "c1", ["privacy"] = "private", ["tags"] = new JsonArray(), ["config"] = canvas,
        };
        var json = bundle.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var result = CanvasTestKit.Import(json, path: "bundle.json");
        Assert.Equal(CanvasEnvelopeKind.CliBundle, result.Envelope);
        var d = CanvasAssert.Single(result, DiagnosticCodes.UnknownColumn, filter, "Simple Filter", "column", "/config/nodes/1/data/inputs/1/value",
            TestCanvas.LineOf(json, "\"studnts\""));
        Assert.StartsWith("bundle.json:", d.ToString());
    }

    [Fact]
    public void Cli_bundle_whose_config_is_a_json_string_is_read_too()
    {
        var canvas = BrokenCanvas(out var filter).ToJson();
        var json = new JsonObject { ["id"] = "x", ["title"] = "t", ["config"] = canvas }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var result = CanvasTestKit.Import(json);
        Assert.Equal(CanvasEnvelopeKind.CliBundle, result.Envelope);
        CanvasAssert.Single(result, DiagnosticCodes.UnknownColumn, filter, "Simple Filter", "column");
    }

    [Fact]
    public void Generated_sql_reads_diagram_json_and_maps_positions_into_the_sql_file()
    {
        var canvas = BrokenCanvas(out var filter).ToJsonObject().ToJsonString();
        var meta = new JsonObject { ["versionId"] = "v1", ["paramsId"] = "p1", ["isImmutable"] = true, ["diagramJson"] = canvas }.ToJsonString(Relaxed);
        var sql = $"/* {meta} */\nCREATE TABLE out.big AS SELECT 1;\n";
        var result = CanvasTestKit.Import(sql, path: "workflow.sql");
        Assert.Equal(CanvasEnvelopeKind.GeneratedSql, result.Envelope);
        var d = CanvasAssert.Single(result, DiagnosticCodes.UnknownColumn, filter, "Simple Filter", "column", "/nodes/1/data/inputs/1/value", line: 1);
        var position = ((CanvasLocation)d.Location).Position!.Value;
        // The column points at the escaped string \"studnts\" inside the comment.
        Assert.StartsWith("\\\"studnts\\\"", sql[(position.Column - 1)..]);
    }

    [Fact]
    public void Generated_sql_with_unicode_escapes_still_maps_positions()
    {
        var canvas = BrokenCanvas(out _).ToJsonObject().ToJsonString();
        var meta = new JsonObject { ["diagramJson"] = canvas }.ToJsonString();  // quotes written as \u0022
        var sql = $"/* {meta} */";
        var position = ((CanvasLocation)CanvasAssert.Single(CanvasTestKit.Import(sql), DiagnosticCodes.UnknownColumn).Location).Position!.Value;
        Assert.StartsWith("\\u0022studnts\\u0022", sql[(position.Column - 1)..]);
    }

    [Fact]
    public void Generated_sql_with_a_multi_line_comment_maps_lines()
    {
        var canvas = BrokenCanvas(out _).ToJsonObject().ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var meta = new JsonObject { ["versionId"] = "v1", ["diagramJson"] = canvas }.ToJsonString(new JsonSerializerOptions(Relaxed) { WriteIndented = true });
        var sql = $"\n/*\n{meta}\n*/\nSELECT 1;";
        var result = CanvasTestKit.Import(sql, path: "w.sql");
        var d = CanvasAssert.Single(result, DiagnosticCodes.UnknownColumn);
        var position = ((CanvasLocation)d.Location).Position!.Value;
        var source = new SourceText("w.sql", sql);
        Assert.StartsWith("\\\"studnts\\\"", source.GetLineText(position.Line)[(position.Column - 1)..]);
    }

    [Fact]
    public void Malformed_json_reports_line_and_column()
    {
        var json = "{\n  \"title\": \"x\",\n  \"nodes\": [\n    {\"id\": \"a\" \"data\": {}}\n  ]\n}";
        var result = CanvasTestKit.Import(json);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.CanvasMalformedJson, d.Descriptor);
        var location = Assert.IsType<SourceLocation>(d.Location);
        Assert.Equal(new LinePosition(4, 16), location.Start);
        Assert.Null(result.Workflow);
        Assert.Null(result.Envelope);
    }

    [Fact]
    public void Truncated_json_is_malformed()
    {
        var json = BrokenCanvas(out _).ToJson();
        var result = CanvasTestKit.Import(json[..(json.Length / 2)]);
        Assert.Equal(DiagnosticCodes.CanvasMalformedJson, Assert.Single(result.Diagnostics).Descriptor);
    }

    [Fact]
    public void Malformed_embedded_canvas_points_into_the_sql_file()
    {
        var meta = new JsonObject { ["versionId"] = "v1", ["diagramJson"] = "{\"nodes\": [,]}" }.ToJsonString();
        var sql = $"/* {meta} */\nSELECT 1;";
        var d = Assert.Single(CanvasTestKit.Import(sql).Diagnostics);
        Assert.Equal(DiagnosticCodes.CanvasMalformedJson, d.Descriptor);
        var start = ((SourceLocation)d.Location).Start;
        Assert.Equal(1, start.Line);
        Assert.Equal(',', sql[start.Column - 1]);
    }

    [Theory]
    [InlineData("[1, 2]", "not an object")]
    [InlineData("{\"title\": \"x\"}", "neither a \"nodes\" array nor a \"config\" object")]
    [InlineData("/* just a comment */ SELECT 1;", "holds no JSON object")]
    [InlineData("/* {\"versionId\": 1} */ SELECT 1;", "no \"diagramJson\"")]
    public void Other_inputs_are_not_recognised(string text, string message)
    {
        var d = Assert.Single(CanvasTestKit.Import(text).Diagnostics);
        Assert.Equal(DiagnosticCodes.CanvasUnrecognized, d.Descriptor);
        Assert.Contains(message, d.Message);
    }

    [Fact]
    public void Unknown_top_level_and_ui_keys_are_ignored()
    {
        var obj = BrokenCanvas(out _).ToJsonObject();
        obj["somethingNew"] = new JsonObject { ["x"] = 1 };
        obj["nodes"]![0]!["futureUiKey"] = "z";
        var result = CanvasTestKit.Import(obj.ToJsonString());
        Assert.Equal([DiagnosticCodes.CanvasEnvelope, DiagnosticCodes.UnknownColumn], result.Diagnostics.Select(d => d.Descriptor));
    }

    [Fact]
    public void Inputs_may_be_an_object_keyed_by_name()
    {
        var c = new TestCanvas();
        var src = c.Source("src.t", "t", "id:int64");
        var limit = c.Node("native.limit", "Limit");
        var save = c.Node("native.saveastable", "Save", ("destination", "out.t"));
        c.Flow(src, limit).Flow(limit, save);
        var obj = c.ToJsonObject();
        obj["nodes"]![1]!["data"]!["inputs"] = new JsonObject { ["limit"] = 5 };
        var result = CanvasTestKit.Import(obj.ToJsonString());
        CanvasAssert.NoErrors(result);
        Assert.Equal("5", Assert.Single(result.Workflow!.Nodes.OfType<Ir.LimitNode>()).Count.ToString());
    }
}
