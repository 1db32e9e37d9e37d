using System.Text.Json;
using System.Text.Json.Nodes;
using Cwf.Canvas;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Tests.Canvas;

/// <summary>
/// Canvases of 10,000 nodes and more (issue 14) in the shapes that stress the importer differently from
/// a long chain (CanvasGraphValidationTests has that one): one node with thousands of outgoing edges,
/// one input with thousands of incoming edges, and a large canvas embedded in a generated SQL file. They
/// must import whole, and a mistake on the last node must still be located exactly.
/// </summary>
public class LargeCanvasTests
{
    private static readonly string[] Schools = ["school_id:int64", "name:string", "students:int64", "geom:geography"];

    [Fact]
    public void Ten_thousand_nodes_fanning_out_of_one_source_import_and_a_mistake_on_the_last_branch_is_located()
    {
        var c = new TestCanvas();
        var source = c.Source("src.schools", "schools", Schools);
        string last = "";
        for (int i = 0; i < 5_000; i++)
        {
            last = c.Node("native.wheresimplified", $"More than {i}", ("column", i == 4_999 ? "studnts" : "students"), ("operator", "greater than"), ("value", $"{i}"));
            c.Flow(source, last).Edge(last, "match", c.Node("native.saveastable", $"Save {i}", ("destination", $"out.big_{i}")), "source");
        }
        var json = c.ToJson();

        var broken = CanvasTestKit.Import(json);
        var d = CanvasAssert.Single(broken, DiagnosticCodes.UnknownColumn, last, "More than 4999", "column", "/nodes/9999/data/inputs/1/value");
        Assert.Equal(TestCanvas.LineOf(json, "\"studnts\""), ((CanvasLocation)d.Location).Position!.Value.Line);

        var result = CanvasTestKit.Import(json.Replace("\"studnts\"", "\"students\""));
        CanvasAssert.NoErrors(result);
        var workflow = result.Workflow!;
        Assert.Equal(10_001, workflow.Nodes.Length);
        Assert.Equal(5_000, workflow.Sinks.Count());
        Assert.Equal(5_000, workflow.Nodes.OfType<FilterNode>().Count(f => workflow[f.Input] is ScanNode));
    }

    [Fact]
    public void Ten_thousand_sources_into_one_union_import_in_edge_order()
    {
        var c = new TestCanvas();
        var union = c.Node("native.unionall", "All schools");
        for (int i = 0; i < 10_000; i++)
            c.Flow(c.Source($"src.schools_{i}", $"schools {i}", Schools), union, "tables");
        c.Flow(union, c.Node("native.saveastable", "Save", ("destination", "out.all_schools")));

        var result = CanvasTestKit.Import(c.ToJson());
        CanvasAssert.NoErrors(result);
        var workflow = result.Workflow!;
        var inputs = Assert.Single(workflow.Nodes.OfType<UnionAllNode>()).Inputs;
        Assert.Equal([.. Enumerable.Range(0, 10_000).Select(i => $"src.schools_{i}")], inputs.Select(i => ((ScanNode)workflow[i]).Table.ToString()));
    }

    [Fact]
    public void A_ten_thousand_node_canvas_inside_generated_sql_maps_a_mistake_on_its_last_node_into_the_sql_file()
    {
        var c = new TestCanvas();
        var previous = c.Source("src.schools", "schools", Schools);
        for (int i = 0; i < 10_000; i++)
        {
            var next = i % 2 == 0 ? c.Node("native.limit", $"Limit {i}", ("limit", i == 9_998 ? "ten" : "100")) : c.Node("native.centroid", "", ("geo", "geom"));
            c.Flow(previous, next);
            previous = next;
        }
        c.Flow(previous, c.Node("native.saveastable", "Save", ("destination", "out.x")));
        var meta = new JsonObject { ["versionId"] = "v1", ["diagramJson"] = c.ToJsonObject().ToJsonString() }.ToJsonString(
            new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var sql = $"/* {meta} */\nCREATE TABLE out.x AS SELECT 1;\n";

        var result = CanvasTestKit.Import(sql, path: "workflow.sql");
        Assert.Equal(CanvasEnvelopeKind.GeneratedSql, result.Envelope);
        var d = CanvasAssert.Single(result, DiagnosticCodes.NotANumber, label: "Limit 9998", pointer: "/nodes/9999/data/inputs/1/value", line: 1);
        var position = ((CanvasLocation)d.Location).Position!.Value;
        Assert.StartsWith("\\\"ten\\\"", sql[(position.Column - 1)..]);
    }
}
