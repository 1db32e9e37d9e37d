using System.Runtime.InteropServices;
using Cwf.Ir;

namespace Cwf.Optimization.Passes;

/// <summary>
/// Merges steps that compute the same thing over the same inputs into one (common
/// subexpression elimination over the DAG). Walking in topological order with inputs already
/// merged, identical chains collapse in one pass. Two nodes are the same when <see cref="NodeStructure"/>
/// says so (kind, merged inputs, expressions, schema and the other arguments, hashed and compared
/// without building text), asked only of nodes that share operator and inputs with another. Never merged: outputs (each writes
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
        // Nodes are first grouped by operator and inputs; only a group with a second node hashes
        // expressions, so a chain whose steps all read different inputs hashes none.
        var structure = new NodeStructure(rw.Resolve);
        // A group is its first node's id and, once a second node comes, the distinct nodes by structure (held
        // in the table itself: most groups in a large workflow have one node and cost no object).
        var groups = new Dictionary<(string Operator, int First, int Second, int Count), (int First, Dictionary<RelNode, int>? Distinct)>(workflow.Nodes.Length);
        foreach (var original in workflow.Nodes)
        {
            var node = rw[original.Id];
            if (!IsMergeable(node, rw)) continue;
            var inputs = node.Inputs;
            var shape = (node.OperatorName, inputs.Count > 0 ? rw.Resolve(inputs[0]) : -1, inputs.Count > 1 ? rw.Resolve(inputs[1]) : -1, inputs.Count);
            ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, shape, out bool grouped);
            if (!grouped)
            {
                group = (node.Id, null);
                continue;
            }
            if (group.Distinct is null)
            {
                var firstNode = rw[group.First];
                group.Distinct = new Dictionary<RelNode, int>(structure) { [firstNode] = firstNode.Id };
            }
            ref int same = ref CollectionsMarshal.GetValueRefOrAddDefault(group.Distinct, node, out bool exists);
            if (exists) rw.Redirect(node.Id, same);
            else same = node.Id;
        }
        return rw.ToWorkflow();
    }

    private static bool IsMergeable(RelNode node, WorkflowRewriter rw) => node switch
    {
        SinkNode or CheckNode or OpaqueNode => false,
        LimitNode l when rw[l.Input] is not SortNode => false,
        _ => AllDeterministic(node.Expressions),
    };

    // A loop over the list itself: LINQ would box it and make an enumerator for every node of the workflow.
    private static bool AllDeterministic(Seq<Expr> expressions)
    {
        foreach (var e in expressions)
            if (!Predicates.IsDeterministic(e)) return false;
        return true;
    }
}
