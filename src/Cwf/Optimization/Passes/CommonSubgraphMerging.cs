using Cwf.Ir;

namespace Cwf.Optimization.Passes;

/// <summary>
/// Merges steps that compute the same thing over the same inputs into one (common
/// subexpression elimination over the DAG). Walking in topological order with inputs already
/// merged, identical chains collapse in one pass. The key is the structural description of
/// <see cref="RelNode.Describe"/> plus the output schema, built only for nodes that share operator and inputs with another. Never merged: outputs (each writes
/// its table), custom SQL and unknown components (they may be non-deterministic), steps with raw
/// SQL expressions (they may call random()), and LIMIT over unordered input (each is free to
/// pick different rows, so one copy is not the same program).
/// </summary>
public sealed class CommonSubgraphMerging : OptimizerPass
{
    public override string Name => "common-subgraph-merging";
    public override string Description => "compute identical steps over the same inputs once";

    public override Workflow Run(Workflow workflow, OptimizerTarget target)
    {
        var rw = new WorkflowRewriter(workflow);
        // Nodes are first grouped by operator and inputs; only a group with a second node needs
        // the full descriptions, so a chain whose steps all read different inputs builds none.
        var groups = new Dictionary<(string Operator, int First, int Second, int Count), Group>(workflow.Nodes.Length);
        foreach (var original in workflow.Nodes)
        {
            var node = rw[original.Id];
            if (!IsMergeable(node, rw)) continue;
            var inputs = node.Inputs;
            var shape = (node.OperatorName, inputs.Count > 0 ? rw.Resolve(inputs[0]) : -1, inputs.Count > 1 ? rw.Resolve(inputs[1]) : -1, inputs.Count);
            if (!groups.TryGetValue(shape, out var group))
            {
                groups[shape] = new Group(node.Id);
                continue;
            }
            if (group.ByKey is null)
            {
                group.ByKey = new Dictionary<string, int>(StringComparer.Ordinal) { [Key(rw[group.First], rw)] = group.First };
            }
            var key = Key(node, rw);
            if (group.ByKey.TryGetValue(key, out int first)) rw.Redirect(node.Id, first);
            else group.ByKey[key] = node.Id;
        }
        return rw.ToWorkflow();
    }

    private static string Key(RelNode node, WorkflowRewriter rw) => node.Describe(id => "%" + rw.Resolve(id)) + " : " + node.Schema;

    // The first node of one operator over some inputs, and the descriptions once a second one comes.
    private sealed class Group(int first)
    {
        public int First { get; } = first;
        public Dictionary<string, int>? ByKey { get; set; }
    }

    private static bool IsMergeable(RelNode node, WorkflowRewriter rw) => node switch
    {
        SinkNode or CheckNode or OpaqueNode => false,
        LimitNode l when rw[l.Input] is not SortNode => false,
        _ => node.Expressions.All(Predicates.IsDeterministic),
    };
}
