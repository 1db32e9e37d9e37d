using Cwf.Ir;

namespace Cwf.Optimization.Passes;

/// <summary>
/// Merges steps that compute the same thing over the same inputs into one (common
/// subexpression elimination over the DAG). Walking in topological order with inputs already
/// merged, identical chains collapse in one pass. The key is the structural description of
/// <see cref="RelNode.Describe"/> plus the output schema. Never merged: outputs (each writes
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
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var original in workflow.Nodes)
        {
            var node = rw[original.Id];
            if (!IsMergeable(node, rw)) continue;
            var key = node.Describe(id => "%" + rw.Resolve(id)) + " : " + node.Schema;
            if (seen.TryGetValue(key, out int first)) rw.Redirect(node.Id, first);
            else seen[key] = node.Id;
        }
        return rw.ToWorkflow();
    }

    private static bool IsMergeable(RelNode node, WorkflowRewriter rw) => node switch
    {
        SinkNode or OpaqueNode => false,
        LimitNode l when rw[l.Input] is not SortNode => false,
        _ => node.Expressions.All(Predicates.IsDeterministic),
    };
}
