using System.Runtime.InteropServices;
using Cwf.Ir;

namespace Cwf.Optimization.Passes;

/// <summary>
/// Merges steps that compute the same thing over the same inputs into one (common
/// subexpression elimination over the DAG). Walking in topological order with inputs already
/// merged, identical chains collapse in one pass. Two nodes are the same when <see cref="NodeStructure"/>
/// says so (kind, merged inputs, expressions, schema and the other arguments, hashed and compared
/// without building text), asked only of nodes that share their first input with another. Never merged: outputs (each writes
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
        var nodes = workflow.Nodes;
        // Two nodes that merge read the same first input (merged nodes resolved, which the walk in topological order
        // has done by then), so only a second mergeable reader of an input is looked for among the others, by
        // structure: a chain, whose steps all read different inputs, hashes no expression. By the position of the
        // first input (the last slot: no input), the position + 1 of its first mergeable reader, negated once that
        // reader is in the table. An array lent for the pass: a table of every node was a large object per round.
        var firstReader = PooledArray.Rent<int>(nodes.Length + 1);
        try
        {
            var distinct = new Dictionary<RelNode, int>(SharingFirstInput(workflow, firstReader), new NodeStructure(rw.Resolve));
            for (int i = 0; i < nodes.Length; i++)
            {
                var node = rw[nodes[i].Id];
                if (!IsMergeable(node, rw)) continue;
                var inputs = node.Inputs;
                ref int first = ref firstReader[inputs.Count > 0 ? workflow.PositionOf(rw.Resolve(inputs[0])) : nodes.Length];
                if (first == 0)
                {
                    first = i + 1;
                    continue;
                }
                if (first > 0)
                {
                    var firstNode = rw[nodes[first - 1].Id];
                    distinct.TryAdd(firstNode, firstNode.Id);
                    first = -first;
                }
                ref int same = ref CollectionsMarshal.GetValueRefOrAddDefault(distinct, node, out bool exists);
                if (exists) rw.Redirect(node.Id, same);
                else same = node.Id;
            }
        }
        finally
        {
            PooledArray.Return(firstReader, nodes.Length + 1);
        }
        return rw.ToWorkflow();
    }

    // The table's size, counted once instead of grown by doubling (a large object at every step past 10,000 nodes of a
    // fan-out): the nodes that may merge and share their first input with another as the workflow is given (the few
    // that merging makes share one more are added as they come). Counts in the lent array and clears it.
    private static int SharingFirstInput(Workflow workflow, int[] readers)
    {
        var nodes = workflow.Nodes;
        int count = 0;
        foreach (var node in nodes)
        {
            if (node is SinkNode or CheckNode or OpaqueNode) continue;
            var inputs = node.Inputs;
            int n = ++readers[inputs.Count > 0 ? workflow.PositionOf(inputs[0]) : nodes.Length];
            count += n == 2 ? 2 : n > 2 ? 1 : 0;
        }
        Array.Clear(readers, 0, nodes.Length + 1);
        return count;
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
