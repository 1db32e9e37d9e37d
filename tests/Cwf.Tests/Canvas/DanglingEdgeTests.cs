using Cwf.Catalog;
using Cwf.Diagnostics;
using Cwf.Driver;
using Cwf.Text;

namespace Cwf.Tests.Canvas;

/// <summary>Contract 5a.11: an edge to or from a missing node is a warning, unless dropping it leaves a required input unconnected.</summary>
public class DanglingEdgeTests
{
    private static readonly string[] Schools = ["school_id:int64", "name:string", "students:int64", "geom:geography"];

    /// <summary>schools → Simple Filter, and a Save as Table that the test connects (or not).</summary>
    private static (TestCanvas Canvas, string Filter, string Save) FilterAndSave()
    {
        var c = new TestCanvas();
        var source = c.Source("src.schools", "schools", Schools);
        var filter = c.Node("native.wheresimplified", "Simple Filter", ("column", "students"), ("operator", "greater than"), ("value", "500"));
        var save = c.Node("native.saveastable", "Save as Table", ("destination", "out.big"), ("append", false));
        c.Flow(source, filter);
        return (c, filter, save);
    }

    /// <summary>The filter's only edge points at a save node that is gone (the save was re-created with another id).</summary>
    private static (TestCanvas Canvas, string Filter, string Save) SaveBehindALostEdge()
    {
        var (c, filter, save) = FilterAndSave();
        c.Edge(filter, "match", "save-before-it-was-recreated", "source");
        return (c, filter, save);
    }

    [Fact]
    public void The_only_edge_into_the_save_pointing_at_a_missing_node_is_an_error()
    {
        var (c, filter, save) = SaveBehindALostEdge();
        var json = c.ToJson();
        var result = CanvasTestKit.Import(json);
        var warning = CanvasAssert.Single(result, DiagnosticCodes.EdgeToMissingNode, filter, "Simple Filter", pointer: "/edges/1");
        Assert.Contains("goes to node 'save-before-it-was-recreated', which does not exist", warning.Message);
        var error = CanvasAssert.Single(result, DiagnosticCodes.MissingInputEdge, save, "Save as Table", "source", "/nodes/2/data/inputs/0");
        Assert.Contains($"the edge from 'Simple Filter' ({filter}) output 'match' goes to node 'save-before-it-was-recreated', which does not exist: was it meant for this input?",
            error.Message);
        // Not merely "not connected to anything": that warning would let an empty script through.
        CanvasAssert.Lacks(result, DiagnosticCodes.UnconnectedNode);
        Assert.Null(result.Workflow);
    }

    [Fact]
    public void The_command_line_refuses_it_with_exit_code_1()
    {
        var (c, _, _) = SaveBehindALostEdge();
        var path = Path.Combine(Path.GetTempPath(), $"cwf-dangling-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, c.ToJson());
        try
        {
            var r = Cli.CliRunner.Run("compile", path, "--dialect", "postgres");
            Assert.Equal(1, r.ExitCode);
            Assert.Equal("", r.Output);
            Assert.Contains("error CWF3015", r.Error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_only_edge_into_the_save_coming_from_a_missing_node_is_an_error()
    {
        var (c, _, save) = FilterAndSave();
        c.Edge("deleted-filter", "match", save, "source");
        var result = CanvasTestKit.Import(c.ToJson());
        CanvasAssert.Single(result, DiagnosticCodes.EdgeToMissingNode, save, "Save as Table", "source", "/edges/1");
        var error = CanvasAssert.Single(result, DiagnosticCodes.MissingInputEdge, save, "Save as Table", "source");
        Assert.Contains("its edge comes from node 'deleted-filter', which does not exist", error.Message);
        Assert.Null(result.Workflow);
    }

    [Fact]
    public void A_lost_edge_with_no_input_it_could_have_fed_stays_a_warning()
    {
        var (c, filter, save) = FilterAndSave();
        c.Edge(filter, "match", save, "source").Edge(filter, "unmatch", "deleted-save", "source");
        var result = CanvasTestKit.Import(c.ToJson());
        CanvasAssert.NoErrors(result);
        CanvasAssert.Single(result, DiagnosticCodes.EdgeToMissingNode, filter, "Simple Filter");
        Assert.NotNull(result.Workflow);
    }

    [Fact]
    public void A_lost_edge_into_another_input_name_does_not_claim_an_unconnected_node()
    {
        var c = new TestCanvas();
        var a = c.Source("src.a", "a", Schools);
        var save = c.Node("native.saveastable", "Save a", ("destination", "out.a"));
        var lonely = c.Node("native.distinct", "Forgotten distinct");
        c.Flow(a, save).Edge(a, "out", "deleted-join", "secondarytable");
        var result = CanvasTestKit.Import(c.ToJson());
        CanvasAssert.NoErrors(result);
        CanvasAssert.Single(result, DiagnosticCodes.UnconnectedNode, lonely, "Forgotten distinct");
    }

    [Fact]
    public void A_canvas_without_a_save_node_writes_no_table_which_is_an_error()
    {
        var c = new TestCanvas();
        var source = c.Source("src.schools", "schools", Schools);
        var filter = c.Node("native.wheresimplified", "Simple Filter", ("column", "students"), ("operator", "greater than"), ("value", "500"));
        c.Flow(source, filter);
        var front = FrontEnd.Load(SourceText.From(c.ToJson(), "nothing.json"), SchemaCatalog.Empty);
        var error = Assert.Single(front.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.NoOutput, error.Descriptor);
        Assert.Equal("nothing.json", error.Location.Path);
        Assert.Null(front.Workflow);
    }

    [Fact]
    public void A_negative_number_variable_used_as_a_limit_is_an_error()
    {
        var c = new TestCanvas().Variable("n", "Number", -5);
        var source = c.Source("src.schools", "schools", Schools);
        var limit = c.Node("native.limit", "Top", ("limit", "{{@n}}"));
        var save = c.Node("native.saveastable", "Save", ("destination", "out.x"));
        c.Flow(source, limit).Flow(limit, save);
        var front = FrontEnd.Load(SourceText.From(c.ToJson(), "negative.json"), SchemaCatalog.Empty);
        var error = Assert.Single(front.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.InvalidLimit, error.Descriptor);
        Assert.Contains("parameter 'n', whose value -5 is negative", error.Message);
        Assert.Equal(limit, Assert.IsType<CanvasLocation>(error.Location).NodeId);
        Assert.Null(front.Workflow);
    }
}
