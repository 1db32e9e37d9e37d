using Cwf.Canvas;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Tests.Canvas;

public class CanvasGraphValidationTests
{
    private static readonly string[] Schools = ["school_id:int64", "name:string", "students:int64", "geom:geography"];

    /// <summary>schools → Simple Filter → Save as Table.</summary>
    private static (TestCanvas Canvas, string Source, string Filter, string Save) Chain()
    {
        var c = new TestCanvas();
        var source = c.Source("src.schools", "schools", Schools);
        var filter = c.Node("native.wheresimplified", "Simple Filter", ("column", "students"), ("operator", "greater than"), ("value", "500"));
        var save = c.Node("native.saveastable", "Save as Table", ("destination", "out.big"), ("append", false));
        c.Flow(source, filter).Edge(filter, "match", save, "source");
        return (c, source, filter, save);
    }

    [Fact]
    public void Edge_from_a_missing_node_is_a_warning_when_the_input_is_otherwise_connected()
    {
        var (c, _, _, save) = Chain();
        c.Edge("ghost-node", "result", save, "append");
        var result = CanvasTestKit.Import(c.ToJson());
        CanvasAssert.NoErrors(result);
        var d = CanvasAssert.Single(result, DiagnosticCodes.EdgeToMissingNode, save, "Save as Table", "append", "/edges/2");
        Assert.Contains("node 'ghost-node', which does not exist", d.Message);
        Assert.NotNull(result.Workflow);
    }

    [Fact]
    public void Edge_to_a_missing_node_is_a_warning()
    {
        var (c, _, filter, _) = Chain();
        c.Edge(filter, "unmatch", "deleted-save", "source");
        var result = CanvasTestKit.Import(c.ToJson());
        CanvasAssert.NoErrors(result);
        var d = CanvasAssert.Single(result, DiagnosticCodes.EdgeToMissingNode, filter, "Simple Filter", "unmatch", "/edges/2");
        Assert.Contains("goes to node 'deleted-save'", d.Message);
    }

    [Fact]
    public void Dangling_edge_that_leaves_a_required_input_unconnected_is_an_error()
    {
        var c = new TestCanvas();
        var filter = c.Node("native.wheresimplified", "Simple Filter", ("column", "students"), ("operator", "greater than"), ("value", "500"));
        c.Edge("import_gone", "out", filter, "source");
        var json = c.ToJson();
        var result = CanvasTestKit.Import(json);
        CanvasAssert.Single(result, DiagnosticCodes.EdgeToMissingNode, filter, "Simple Filter", "source", "/edges/0");
        var error = CanvasAssert.Single(result, DiagnosticCodes.MissingInputEdge, filter, "Simple Filter", "source", "/nodes/0/data/inputs/0",
            TestCanvas.LineOf(json, "\"name\": \"source\"") - 1);
        Assert.Contains("its edge comes from node 'import_gone', which does not exist", error.Message);
        Assert.Null(result.Workflow);
    }

    [Fact]
    public void Unknown_source_handle_is_an_error_with_a_suggestion()
    {
        var (c, _, filter, _) = Chain();
        var save2 = c.Node("native.saveastable", "Other", ("destination", "out.other"));
        c.Edge(filter, "matched", save2, "source");
        var json = c.ToJson();
        var result = CanvasTestKit.Import(json);
        var d = CanvasAssert.Single(result, DiagnosticCodes.UnknownHandle, filter, "Simple Filter", "matched", "/edges/2/sourceHandle",
            TestCanvas.LineOf(json, "\"sourceHandle\": \"matched\""));
        Assert.Contains("has no output 'matched'", d.Message);
        Assert.Contains("did you mean 'match'? valid outputs: match, unmatch", d.Hints);
        Assert.Null(result.Workflow);
        // The handle error explains the unconnected input: no second error about it.
        CanvasAssert.Lacks(result, DiagnosticCodes.MissingInputEdge);
    }

    [Fact]
    public void A_node_that_cannot_be_lowered_still_has_its_values_checked()
    {
        var (c, _, filter, _) = Chain();
        var buffer = c.Node("native.buffer", "Zone", ("geo", "geom"), ("distance", "300m"), ("units", "Meters"));
        c.Edge(filter, "matched", buffer, "source");
        var result = CanvasTestKit.Import(c.ToJson());
        CanvasAssert.Single(result, DiagnosticCodes.UnknownHandle, filter, "Simple Filter", "matched");
        CanvasAssert.Single(result, DiagnosticCodes.NotANumber, buffer, "Zone", "distance");
    }

    [Fact]
    public void Unknown_target_handle_is_an_error_listing_the_inputs()
    {
        var c = new TestCanvas();
        var a = c.Source("src.schools", "schools", Schools);
        var b = c.Source("src.other", "other", Schools);
        var join = c.Node("native.join", "Join", ("maincolumn", "school_id"), ("secondarycolumn", "school_id"), ("jointype", "Inner"));
        c.Flow(a, join, "maintable").Flow(b, join, "secondary");
        var result = CanvasTestKit.Import(c.ToJson());
        var d = CanvasAssert.Single(result, DiagnosticCodes.UnknownHandle, join, "Join", "secondary", "/edges/1/targetHandle");
        Assert.Contains("valid inputs: maintable, secondarytable", d.Hints[0]);
        // The edge is dropped, so the secondary table is also missing.
        CanvasAssert.Single(result, DiagnosticCodes.MissingInputEdge, join, "Join", "secondarytable");
    }

    [Fact]
    public void An_edge_out_of_a_save_is_an_unknown_handle()
    {
        var (c, _, _, save) = Chain();
        var other = c.Node("native.limit", "Limit", ("limit", 3));
        c.Edge(save, "result", other, "source");
        var result = CanvasTestKit.Import(c.ToJson());
        var d = CanvasAssert.Single(result, DiagnosticCodes.UnknownHandle, save, "Save as Table", "result");
        Assert.Contains("has no outputs", d.Message);
    }

    [Fact]
    public void Missing_required_input_is_an_error()
    {
        var c = new TestCanvas();
        var a = c.Source("src.schools", "schools", Schools);
        var join = c.Node("native.join", "Join schools", ("maincolumn", "school_id"), ("secondarycolumn", "school_id"), ("jointype", "Inner"));
        c.Flow(a, join, "maintable");
        var result = CanvasTestKit.Import(c.ToJson());
        var d = CanvasAssert.Single(result, DiagnosticCodes.MissingInputEdge, join, "Join schools", "secondarytable", "/nodes/1/data/inputs/1");
        Assert.Contains("input 'secondarytable' of 'Join schools'", d.Message);
        CanvasAssert.Lacks(result, DiagnosticCodes.UnconnectedNode);
    }

    [Fact]
    public void Several_edges_into_a_single_input_is_an_error()
    {
        var c = new TestCanvas();
        var a = c.Source("src.a", "a", Schools);
        var b = c.Source("src.b", "b", Schools);
        var limit = c.Node("native.limit", "Limit", ("limit", 10));
        c.Flow(a, limit).Flow(b, limit);
        var result = CanvasTestKit.Import(c.ToJson());
        var d = CanvasAssert.Single(result, DiagnosticCodes.TooManyEdges, limit, "Limit", "source", "/edges/1");
        Assert.Contains("2 edges arrive", d.Message);
        Assert.Contains("'a' (import_", d.Message);
        Assert.Contains("'b' (import_", d.Message);
    }

    [Fact]
    public void Union_takes_several_edges_in_edge_order()
    {
        var c = new TestCanvas();
        var a = c.Source("src.a", "a", "id:int64", "name:string");
        var b = c.Source("src.b", "b", "name:string", "id:int64");
        var union = c.Node("native.unionall", "Union");
        c.Flow(b, union, "tables").Flow(a, union, "tables");
        var result = CanvasTestKit.Import(c.ToJson());
        CanvasAssert.NoErrors(result);
        var node = Assert.Single(result.Workflow!.Nodes.OfType<UnionAllNode>());
        Assert.Equal(["name", "id"], node.Schema.Names);
        Assert.Equal("src.b", ((ScanNode)result.Workflow[node.Sources[0]]).Table.ToString());
    }

    [Fact]
    public void Duplicate_edge_is_a_warning_and_ignored()
    {
        var (c, _, filter, save) = Chain();
        c.Edge(filter, "match", save, "source");
        var json = c.ToJson();
        var result = CanvasTestKit.Import(json);
        CanvasAssert.NoErrors(result);
        int lastEdge = json.LastIndexOf($"\"source\": \"{filter}\"", StringComparison.Ordinal);
        var d = CanvasAssert.Single(result, DiagnosticCodes.DuplicateEdge, save, "Save as Table", "source", "/edges/2",
            json[..lastEdge].Count(ch => ch == '\n'));
        Assert.Contains("repeats edge 1", d.Message);
    }

    [Fact]
    public void Unconnected_node_is_a_warning()
    {
        var (c, _, _, _) = Chain();
        var lonely = c.Node("native.distinct", "Forgotten distinct");
        var json = c.ToJson();
        var result = CanvasTestKit.Import(json);
        CanvasAssert.NoErrors(result);
        CanvasAssert.Single(result, DiagnosticCodes.UnconnectedNode, lonely, "Forgotten distinct", pointer: "/nodes/3",
            line: CanvasAssert.ObjectLine(json, $"\"id\": \"{lonely}\"", keysBefore: 2));
        CanvasAssert.Lacks(result, DiagnosticCodes.MissingInputEdge);
        Assert.Equal(3, result.Workflow!.Nodes.Length);
    }

    [Fact]
    public void Cycle_is_an_error_listing_every_node_on_it()
    {
        var c = new TestCanvas();
        var src = c.Source("src.schools", "schools", Schools);
        var union = c.Node("native.unionall", "Union");
        var a = c.Node("native.distinct", "Step A");
        var b = c.Node("native.limit", "Step B", ("limit", 5));
        c.Flow(src, union, "tables").Flow(union, a).Flow(a, b).Flow(b, union, "tables");
        var json = c.ToJson();
        var result = CanvasTestKit.Import(json);
        var d = CanvasAssert.Single(result, DiagnosticCodes.CanvasCycle, union, "Union", pointer: "/nodes/1",
            line: CanvasAssert.ObjectLine(json, $"\"id\": \"{union}\"", keysBefore: 2));
        Assert.Contains($"'Union' ({union}) -> 'Step A' ({a}) -> 'Step B' ({b}) -> 'Union' ({union})", d.Message);
        Assert.Null(result.Workflow);
    }

    [Fact]
    public void Self_loop_is_a_cycle()
    {
        var c = new TestCanvas();
        var union = c.Node("native.unionall", "Loop");
        c.Flow(union, union, "tables");
        var result = CanvasTestKit.Import(c.ToJson());
        var d = CanvasAssert.Single(result, DiagnosticCodes.CanvasCycle, union, "Loop");
        Assert.Contains($"'Loop' ({union}) -> 'Loop' ({union})", d.Message);
    }

    [Fact]
    public void Two_separate_cycles_are_two_errors()
    {
        var c = new TestCanvas();
        var u1 = c.Node("native.unionall", "U1");
        var d1 = c.Node("native.distinct", "D1");
        var u2 = c.Node("native.unionall", "U2");
        var d2 = c.Node("native.distinct", "D2");
        c.Flow(u1, d1).Flow(d1, u1, "tables").Flow(u2, d2).Flow(d2, u2, "tables");
        var result = CanvasTestKit.Import(c.ToJson());
        Assert.Equal(2, result.Diagnostics.Count(d => d.Descriptor == DiagnosticCodes.CanvasCycle));
    }

    [Fact]
    public void Ten_thousand_step_chain_imports_and_decompiles_without_recursion()
    {
        var c = new TestCanvas();
        var previous = c.Source("src.schools", "schools", Schools);
        for (int i = 0; i < 10_000; i++)
        {
            var next = i % 2 == 0 ? c.Node("native.limit", $"Limit {i}", ("limit", 100)) : c.Node("native.centroid", "", ("geo", "geom"));
            c.Flow(previous, next);
            previous = next;
        }
        c.Flow(previous, c.Node("native.saveastable", "Save", ("destination", "out.x")));
        var result = CanvasTestKit.Import(c.ToJson());
        CanvasAssert.NoErrors(result);
        Assert.Equal(10_002, result.Workflow!.Nodes.Length);
        var let = Assert.Single(Cwf.Canvas.CanvasDecompiler.Decompile(result).Statements.OfType<Cwf.Syntax.LetStatementSyntax>());
        Assert.Equal(10_000, let.Pipeline.Steps.Count);
    }

    [Fact]
    public void Duplicate_node_id_is_an_error()
    {
        var c = new TestCanvas();
        var obj = c.ToJsonObject();
        var nodes = obj["nodes"]!.AsArray();
        var (c2, src, _, _) = Chain();
        var json = c2.ToJsonObject();
        var copy = json["nodes"]![0]!.DeepClone();
        copy["data"]!["label"] = "copy";
        json["nodes"]!.AsArray().Add(copy);
        var result = CanvasTestKit.Import(json.ToJsonString(new() { WriteIndented = true }));
        CanvasAssert.Single(result, DiagnosticCodes.DuplicateNodeId, src, "copy", pointer: "/nodes/3/id");
        Assert.Empty(nodes);
    }

    [Fact]
    public void Notes_are_kept_without_diagnostics()
    {
        var (c, _, _, _) = Chain();
        c.Note("---\nlabel: Why\n---\nBig schools only.");
        var result = CanvasTestKit.Import(c.ToJson());
        CanvasAssert.NoErrors(result);
        var note = Assert.Single(result.Document!.Notes);
        Assert.Equal("---\nlabel: Why\n---\nBig schools only.", note.Markdown);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= Severity.Warning);
    }

    [Fact]
    public void Node_without_component_name_is_an_error()
    {
        var (c, _, _, _) = Chain();
        var json = c.ToJsonObject();
        json["nodes"]![1]!["data"]!.AsObject().Remove("name");
        var result = CanvasTestKit.Import(json.ToJsonString());
        CanvasAssert.Single(result, DiagnosticCodes.MissingComponentName, pointer: "/nodes/1/data");
    }

    [Fact]
    public void Both_filter_outputs_become_match_and_unmatch_nodes()
    {
        var (c, _, filter, _) = Chain();
        var other = c.Node("native.saveastable", "Small schools", ("destination", "out.small"));
        c.Edge(filter, "unmatch", other, "source");
        var result = CanvasTestKit.Import(c.ToJson());
        CanvasAssert.NoErrors(result);
        var filters = result.Workflow!.Nodes.OfType<FilterNode>().ToList();
        Assert.Equal([FilterBranch.Match, FilterBranch.Unmatch], filters.Select(f => f.Branch));
        Assert.Equal(["simple_filter", "simple_filter_unmatch"], filters.Select(f => f.Name));
    }

    [Fact]
    public void Only_the_used_filter_output_is_lowered()
    {
        var c = new TestCanvas();
        var src = c.Source("src.schools", "schools", Schools);
        var filter = c.Node("native.isnotnull", "Has name", ("column", "name"));
        var save = c.Node("native.saveastable", "Nameless", ("destination", "out.nameless"));
        c.Flow(src, filter).Edge(filter, "unmatch", save, "source");
        var result = CanvasTestKit.Import(c.ToJson());
        var node = Assert.Single(result.Workflow!.Nodes.OfType<FilterNode>());
        Assert.Equal(FilterBranch.Unmatch, node.Branch);
        Assert.Equal("(name is not null)", node.Predicate.ToString());
    }

    [Fact]
    public void Edge_handles_may_be_null_when_the_component_has_one_port()
    {
        var c = new TestCanvas();
        var src = c.Source("src.schools", "schools", Schools);
        var limit = c.Node("native.limit", "Limit", ("limit", 10));
        var save = c.Node("native.saveastable", "Save", ("destination", "out.x"));
        c.Edge(src, null, limit, null).Edge(limit, null, save, null);
        CanvasAssert.NoErrors(CanvasTestKit.Import(c.ToJson()));
    }
}
