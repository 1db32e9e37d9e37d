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

    [Fact]
    public void The_diagnostics_alone_are_the_analysis_diagnostics_on_random_workflows()
    {
        // Random graphs over one scan: filters and unions of earlier nodes, some written by a sink, some by none (then
        // the whole workflow has no output). The dead steps are checked against a plain walk back from the sinks.
        const int Seed = 140;
        var random = new Random(Seed);
        for (int trial = 0; trial < 60; trial++)
        {
            var b = new WorkflowBuilder("random");
            var ids = new List<int> { b.Scan(Table("cities"), Cities, "cities").Id };
            var sinks = new List<int>();
            int count = random.Next(1, trial < 10 ? 20 : 400);
            for (int i = 0; i < count; i++)
            {
                int input = ids[random.Next(ids.Count)];
                int roll = random.Next(10);
                if (roll < 5) ids.Add(b.Filter(input, Literal.Bool(true), FilterBranch.Match, $"f{i}").Id);
                else if (roll < 8) ids.Add(b.UnionAll([input, ids[random.Next(ids.Count)]], $"u{i}").Id);
                else if (trial % 7 != 3) sinks.Add(b.Sink(input, Table($"out{i}"), WriteMode.Replace, $"s{i}").Id);
            }
            var workflow = b.ToWorkflow();
            var analysis = WorkflowAnalyzer.Analyze(workflow);
            var diagnose = WorkflowAnalyzer.Diagnose(workflow);
            Assert.Equal(analysis.Diagnostics.Select(d => d.ToString()), diagnose.Select(d => d.ToString()));

            var live = new HashSet<int>(sinks);
            var pending = new Stack<int>(sinks);
            while (pending.TryPop(out int id))
                foreach (var input in workflow[id].Inputs)
                    if (live.Add(input)) pending.Push(input);
            var dead = workflow.Nodes.Select(n => n.Id).Where(id => !live.Contains(id)).ToList();
            Assert.Equal(dead, analysis.Dead);
            Assert.Equal(sinks.Count == 0 ? 1 : dead.Count, diagnose.Length);
            Assert.Equal(workflow.Nodes.Select(n => n.Id).Where(live.Contains), WorkflowAnalyzer.RemoveDead(workflow).Nodes.Select(n => n.Id));
        }
    }
}
