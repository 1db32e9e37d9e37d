using Cwf.Analysis;
using Cwf.Diagnostics;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Planning;
using Cwf.Playground.Api;

namespace Cwf.Playground.Workbench;

/// <summary>
/// The graph the page draws: the workflow as written (before optimization, so dead and shared steps show, as in `cwf graph`),
/// each node with the materialization the planner gives it for the chosen dialect.
/// </summary>
internal static class GraphViews
{
    private const int MaxStepLength = 160;

    public static GraphView From(Workflow workflow, Dialect dialect)
    {
        var analysis = WorkflowAnalyzer.Analyze(workflow);
        var plan = Planner.Plan(analysis, dialect.OptimizerTarget);
        var nodes = workflow.Nodes.Select(node =>
        {
            var decision = plan.Decisions.GetValueOrDefault(node.Id);
            var (step, line) = Step(node.Origin);
            return new NodeView(
                node.Id, node.Name, node.OperatorName, GraphRenderer.OperatorText(node), step,
                node is SinkNode or CheckNode ? "" : GraphRenderer.SchemaText(node.Schema),
                Planner.Describe(plan.For(node.Id)), decision?.Reason,
                analysis.IsDead(node.Id), analysis.IsShared(node.Id), analysis.ConsumerCount(node.Id), line);
        });
        var edges = workflow.Nodes.SelectMany(n => n.Inputs.Select((input, port) => new EdgeView(input, n.Id, port)));
        return new GraphView(workflow.Name, dialect.Name, [.. nodes], [.. edges]);
    }

    /// <summary>Where a step was written: its .cwf text (first line) or its canvas node.</summary>
    private static (string Text, int? Line) Step(Location? origin) => origin switch
    {
        SourceLocation s => (Shorten(s.Source.ToString(s.Span).Split('\n')[0].Trim()), s.Start.Line),
        CanvasLocation c => (c.NodeDisplay is { } node ? "canvas node " + node : "", c.Position?.Line),
        _ => ("", null),
    };

    private static string Shorten(string text) => text.Length <= MaxStepLength ? text : text[..(MaxStepLength - 3)] + "...";
}
