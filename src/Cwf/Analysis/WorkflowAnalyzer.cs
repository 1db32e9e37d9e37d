using System.Collections.Frozen;
using System.Collections.Immutable;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Analysis;

/// <summary>
/// Runs the graph analyses over a workflow. Every walk is a loop over the flat node list (which
/// the workflow keeps in topological order), so the cost is O(nodes + edges) and long chains
/// cannot overflow the stack.
/// </summary>
public static class WorkflowAnalyzer
{
    public static WorkflowAnalysis Analyze(Workflow workflow)
    {
        var consumers = workflow.Consumers();
        var roots = workflow.Nodes.Where(n => IsRoot(n, consumers)).Select(n => n.Id).ToImmutableArray();
        var live = LiveNodes(workflow, roots);

        var dead = ImmutableSortedSet.CreateBuilder<int>();
        foreach (var node in workflow.Nodes)
            if (!live.Contains(node.Id)) dead.Add(node.Id);

        var shared = ImmutableSortedDictionary.CreateBuilder<int, int>();
        foreach (var node in workflow.Nodes)
        {
            if (!live.Contains(node.Id)) continue;
            int reads = 0;
            foreach (var c in consumers[node.Id])
                if (live.Contains(c)) reads++;
            if (reads > 1) shared[node.Id] = reads;
        }

        return new WorkflowAnalysis(
            workflow,
            [.. workflow.Nodes.Select(n => n.Id)],
            consumers,
            roots,
            dead.ToImmutable(),
            shared.ToImmutable(),
            Diagnose(workflow, roots, dead));
    }

    /// <summary>
    /// The workflow without its dead nodes (the same instance when there are none). The compile
    /// pipeline always applies this, with or without optimization: the warnings say dead steps are left out.
    /// </summary>
    public static Workflow RemoveDead(Workflow workflow)
    {
        var consumers = workflow.Consumers();
        var live = LiveNodes(workflow, [.. workflow.Nodes.Where(n => IsRoot(n, consumers)).Select(n => n.Id)]);
        return live.Count == workflow.Nodes.Length ? workflow : workflow.WithNodes(workflow.Nodes.Where(n => live.Contains(n.Id)));
    }

    /// <summary>
    /// Outputs: sinks, data checks, and unknown components that nothing reads (they may act on the world, so
    /// they are kept and the backend reports them). Custom SQL is a SELECT: with no reader it is dead.
    /// </summary>
    public static bool IsRoot(RelNode node, IReadOnlyDictionary<int, ImmutableArray<int>> consumers) =>
        node is SinkNode or CheckNode || node is OpaqueNode { IsCustomSql: false } && consumers[node.Id].IsEmpty;

    // Reverse topological order: a node is live when a live node reads it.
    private static HashSet<int> LiveNodes(Workflow workflow, ImmutableArray<int> roots)
    {
        var live = new HashSet<int>(roots);
        for (int i = workflow.Nodes.Length - 1; i >= 0; i--)
        {
            var node = workflow.Nodes[i];
            if (!live.Contains(node.Id)) continue;
            foreach (var input in node.Inputs) live.Add(input);
        }
        return live;
    }

    private static ImmutableArray<Diagnostic> Diagnose(Workflow workflow, ImmutableArray<int> roots, ImmutableSortedSet<int>.Builder dead)
    {
        if (roots.IsEmpty)
            return [Diagnostic.Create(DiagnosticCodes.NoOutput, Location.None,
                $"Workflow '{workflow.Name}' writes no table, so no step has any effect and nothing is generated.",
                "add an output step (a canvas 'saveastable' node, a .cwf 'output' statement)")];
        var list = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var node in workflow.Nodes)
        {
            if (!dead.Contains(node.Id)) continue;
            list.Add(Diagnostic.Create(DiagnosticCodes.UnusedStep, node.Origin ?? Location.None,
                $"Step '{Display(node)}' is not used by any output table; it is left out of the generated SQL.",
                "connect its result to an output step, or delete the step"));
        }
        return list.ToImmutable();
    }

    private static string Display(RelNode node) => node.Name.Length > 0 ? node.Name : "%" + node.Id;
}
