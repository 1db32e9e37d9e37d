using Cwf.Ir;
using Cwf.Planning;

namespace Cwf.Emit;

/// <summary>An output statement: the node whose rows it writes or shows, and the sink writing them (none in query mode for a dangling step).</summary>
internal sealed record EmitOutput(int Source, SinkNode? Sink);

/// <summary>
/// What one emission writes: the outputs of the mode (every sink; in query mode also every step
/// nothing reads, as previews), the data checks run after them, and the nodes they need, in
/// topological order. Every walk is a loop.
/// </summary>
internal sealed class EmitGraph
{
    public EmitGraph(Workflow workflow, EmitMode mode)
    {
        Positions = new NodePositions(workflow);
        Outputs = FindOutputs(workflow, mode);
        Checks = [.. workflow.Checks];
        Needed = FindNeeded(workflow, Outputs, Checks, mode);
    }

    public IReadOnlyList<EmitOutput> Outputs { get; }

    /// <summary>The data checks, in the order written; each statement reads its check's input (the measure).</summary>
    public IReadOnlyList<CheckNode> Checks { get; }

    /// <summary>The nodes the outputs and checks read, directly or not (sinks included, checks not), in topological order.</summary>
    public IReadOnlyList<int> Needed { get; }

    /// <summary>The sinks of the outputs, in output order.</summary>
    public IEnumerable<SinkNode> Sinks => Outputs.Select(o => o.Sink).OfType<SinkNode>();

    /// <summary>Each node's place in the workflow's topological order: what the emission keeps per node is kept by place.</summary>
    public NodePositions Positions { get; }

    /// <summary>A node's place in the workflow's topological order.</summary>
    public int Position(int id) => Positions[id];

    private static List<EmitOutput> FindOutputs(Workflow workflow, EmitMode mode)
    {
        var outputs = workflow.Sinks.Select(s => new EmitOutput(s.Input, s)).ToList();
        if (mode != EmitMode.Query) return outputs;
        // Previews also show the steps nothing reads.
        var consumers = workflow.Consumers();
        outputs.AddRange(workflow.Nodes
            .Where(n => n is not (SinkNode or CheckNode) && consumers[n.Id].IsEmpty)
            .Select(n => new EmitOutput(n.Id, null)));
        return outputs;
    }

    private List<int> FindNeeded(Workflow workflow, IReadOnlyList<EmitOutput> outputs, IReadOnlyList<CheckNode> checks, EmitMode mode)
    {
        var seen = new bool[Positions.Count];
        var stack = new Stack<int>();
        foreach (var output in outputs)
        {
            if (output.Sink is { } sink) seen[Positions[sink.Id]] = true;
            stack.Push(output.Source);
        }
        foreach (var check in checks) stack.Push(check.Input);
        // A procedure call (or a tileset) nothing reads still runs, after its inputs: it acts on the warehouse as a sink does.
        if (mode != EmitMode.Query)
        {
            var consumers = workflow.Consumers();
            foreach (var node in workflow.Nodes)
                if (node is OpaqueNode { RunsUnread: true } && consumers[node.Id].IsEmpty) stack.Push(node.Id);
        }
        int count = 0;
        while (stack.Count > 0)
        {
            int id = stack.Pop();
            int position = Positions[id];
            if (seen[position]) continue;
            seen[position] = true;
            count++;
            foreach (var input in workflow[id].Inputs) stack.Push(input);
        }
        // In topological order: the workflow's own.
        var needed = new List<int>(count + outputs.Count);
        for (int i = 0; i < seen.Length; i++)
            if (seen[i]) needed.Add(workflow.Nodes[i].Id);
        return needed;
    }
}
