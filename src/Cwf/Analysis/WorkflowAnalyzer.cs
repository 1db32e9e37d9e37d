using System.Collections;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
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
        var roots = Roots(workflow);
        var live = LiveNodes(workflow, roots);
        var nodes = workflow.Nodes;

        var dead = ImmutableSortedSet.CreateBuilder<int>();
        for (int i = 0; i < nodes.Length; i++)
            if (!live[i]) dead.Add(nodes[i].Id);

        var shared = ImmutableSortedDictionary.CreateBuilder<int, int>();
        for (int i = 0; i < nodes.Length; i++)
        {
            if (!live[i]) continue;
            var readers = consumers[nodes[i].Id];
            if (readers.Length < 2) continue;
            int reads = 0;
            foreach (var c in readers)
                if (live[workflow.PositionOf(c)]) reads++;
            if (reads > 1) shared[nodes[i].Id] = reads;
        }

        var order = new int[nodes.Length];
        for (int i = 0; i < nodes.Length; i++) order[i] = nodes[i].Id;
        return new WorkflowAnalysis(
            workflow,
            ImmutableCollectionsMarshal.AsImmutableArray(order),
            consumers,
            roots,
            dead.ToImmutable(),
            shared.ToImmutable(),
            Diagnose(workflow, roots, live));
    }

    /// <summary>
    /// The diagnostics of <see cref="Analyze"/> (no output, dead steps) alone: what a compile needs of the analyses,
    /// without the readers' lists, the order and the shared results, which are each as long as the workflow.
    /// </summary>
    public static ImmutableArray<Diagnostic> Diagnose(Workflow workflow)
    {
        var roots = Roots(workflow);
        return Diagnose(workflow, roots, LiveNodes(workflow, roots));
    }

    /// <summary>
    /// The workflow without its dead nodes (the same instance when there are none). The compile
    /// pipeline always applies this, with or without optimization: the warnings say dead steps are left out.
    /// </summary>
    public static Workflow RemoveDead(Workflow workflow)
    {
        var live = LiveNodes(workflow, Roots(workflow));
        var nodes = workflow.Nodes;
        int count = 0;
        for (int i = 0; i < live.Length; i++)
            if (live[i]) count++;
        if (count == nodes.Length) return workflow;
        var kept = new RelNode[count];
        count = 0;
        for (int i = 0; i < nodes.Length; i++)
            if (live[i]) kept[count++] = nodes[i];
        return workflow.WithNodes(kept);
    }

    /// <summary>
    /// Outputs: sinks, data checks, and unknown components that nothing reads (they may act on the world, so
    /// they are kept and the backend reports them). Custom SQL is a SELECT: with no reader it is dead.
    /// </summary>
    public static bool IsRoot(RelNode node, Workflow workflow) =>
        node is SinkNode or CheckNode || node is OpaqueNode { IsCustomSql: false } && workflow.ReaderCount(node.Id) == 0;

    private static ImmutableArray<int> Roots(Workflow workflow)
    {
        var roots = ImmutableArray.CreateBuilder<int>();
        foreach (var node in workflow.Nodes)
            if (IsRoot(node, workflow)) roots.Add(node.Id);
        return roots.ToImmutable();
    }

    // Reverse topological order: a node is live when a live node reads it. By position (see Workflow.PositionOf).
    // Bits, not a bool each: a long workflow's bool[] was a large object at every analysis and every optimizer round.
    private static BitArray LiveNodes(Workflow workflow, ImmutableArray<int> roots)
    {
        var live = new BitArray(workflow.Nodes.Length);
        foreach (var root in roots) live[workflow.PositionOf(root)] = true;
        for (int i = live.Length - 1; i >= 0; i--)
        {
            if (!live[i]) continue;
            foreach (var input in workflow.Nodes[i].Inputs) live[workflow.PositionOf(input)] = true;
        }
        return live;
    }

    private static ImmutableArray<Diagnostic> Diagnose(Workflow workflow, ImmutableArray<int> roots, BitArray live)
    {
        if (roots.IsEmpty)
            return [Diagnostic.Create(DiagnosticCodes.NoOutput, Location.None,
                $"Workflow '{workflow.Name}' writes no table, so no step has any effect and nothing is generated.",
                "add an output step (a canvas 'saveastable' node, a .cwf 'output' statement)")];
        var list = ImmutableArray.CreateBuilder<Diagnostic>();
        var nodes = workflow.Nodes;
        for (int i = 0; i < nodes.Length; i++)
        {
            if (live[i]) continue;
            var node = nodes[i];
            list.Add(Diagnostic.Create(DiagnosticCodes.UnusedStep, node.Origin ?? Location.None,
                $"Step '{Display(node)}' is not used by any output table; it is left out of the generated SQL.",
                "connect its result to an output step, or delete the step"));
        }
        return list.ToImmutable();
    }

    private static string Display(RelNode node) => node.Name.Length > 0 ? node.Name : "%" + node.Id;
}
