using Cwf.Analysis;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Text;
using static Cwf.Tests.Optimization.Fixtures;

namespace Cwf.Tests.Analysis;

public class WorkflowAnalyzerTests
{
    internal static Workflow Sample(out int scan, out int unused, out int shared)
    {
        var source = new SourceText("w.cwf", "let x = ...\nlet y = ...\n");
        var b = new WorkflowBuilder("sample");
        var cities = b.Scan(Table("cities"), Cities, "cities");
        var big = b.Filter(cities.Id, ExprFactory.Binary(BinaryOp.Greater, b.Col(cities.Id, "population"), Int(5)), FilterBranch.Match, "big");
        var dead = b.Project(cities.Id, [b.Keep(cities.Id, "id")], "leftover", new SourceLocation(source, new TextSpan(12, 11)));
        b.Sink(big.Id, Table("a"), WriteMode.Replace, "a");
        var self = b.Join(big.Id, big.Id, JoinKind.Inner, ExprFactory.Eq(b.Col(big.Id, "id"), b.Col(big.Id, "id", 1)), [new JoinOutput(0, "id", "id")], "self");
        b.Sink(self.Id, Table("b"), WriteMode.Append, "b");
        (scan, unused, shared) = (cities.Id, dead.Id, big.Id);
        return b.ToWorkflow();
    }

    [Fact]
    public void Finds_dead_and_shared_nodes_and_warns_at_the_dead_step()
    {
        var analysis = WorkflowAnalyzer.Analyze(Sample(out int scan, out int unused, out int shared));
        Assert.Equal([unused], analysis.Dead);
        Assert.Equal(3, analysis.Shared[shared]); // one sink and both sides of the self-join
        Assert.False(analysis.IsShared(scan)); // the dead projection does not count as a reader
        var warning = Assert.Single(analysis.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnusedStep, warning.Descriptor);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("w.cwf:2:1", warning.Location.Describe());
        Assert.Contains("'leftover'", warning.Message);
    }

    [Fact]
    public void A_workflow_without_outputs_gets_one_error()
    {
        var b = new WorkflowBuilder("nothing");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        b.Filter(scan.Id, Literal.Bool(true), FilterBranch.Match, "f");
        var analysis = WorkflowAnalyzer.Analyze(b.ToWorkflow());
        Assert.Equal(2, analysis.Dead.Count);
        var error = Assert.Single(analysis.Diagnostics);
        Assert.Equal(DiagnosticCodes.NoOutput, error.Descriptor);
        Assert.Equal(Severity.Error, error.Severity);
    }

    [Fact]
    public void Ten_thousand_step_chains_are_analysed_without_recursion()
    {
        var w = Cwf.Benchmarks.Shapes.WorkflowShapes.LinearChain(10_000);
        var analysis = WorkflowAnalyzer.Analyze(w);
        Assert.Empty(analysis.Dead);
        Assert.Equal(w.Nodes.Length, analysis.TopologicalOrder.Length);
        var graph = DataflowGraph.From(w);
        Assert.Equal(w.Nodes.Length, graph.VertexCount);
        Assert.Equal(w.Nodes.Length - 1, graph.EdgeCount);
    }
}
