using Cwf.Ir;

namespace Cwf.Optimization.Passes;

/// <summary>
/// Turns "join, keep only left columns, remove duplicates" into a semi-join (EXISTS): the
/// classic spatial filter written as spatial join + distinct. distinct(π_left(L ⋈ R)) equals
/// distinct(π_left(L ⋉ R)) under set semantics, so the DISTINCT stays (L itself may hold
/// duplicate rows) but the join no longer multiplies each left row by its matches. Applies to
/// an inner join whose outputs are all left columns, read only by the DISTINCT (directly or
/// through a projection of plain columns). The join's id becomes a projection over the new
/// semi-join that renames the columns as the join did.
/// </summary>
public sealed class DistinctJoinToSemiJoin : OptimizerPass
{
    public override string Name => "distinct-join-to-semi-join";
    public override string Description => "replace join + distinct over left columns by a semi-join (EXISTS)";

    public override Workflow Run(Workflow workflow, OptimizerTarget target)
    {
        var rw = new WorkflowRewriter(workflow);
        foreach (var distinct in workflow.Nodes.OfType<DistinctNode>())
        {
            var below = rw[distinct.Input];
            if (below is ProjectNode { IsPassThrough: true } p && rw.Readers(p.Id) == 1) below = rw[p.Input];
            if (below is not JoinNode { Kind: JoinKind.Inner } j || rw.Readers(j.Id) != 1 || j.Outputs.Any(o => o.Side != 0)) continue;
            var leftSchema = rw[j.Left].Schema;
            var semi = rw.Insert(new SemiJoinNode(rw.NewId(), j.Name, j.Left, j.Right, j.Condition, false) { Origin = j.Origin }, before: j.Id);
            var columns = j.Outputs.Map(o => new NamedExpr(o.Name, ExprFactory.Column(leftSchema.Find(o.Column)!)));
            rw.Replace(new ProjectNode(j.Id, j.Name, semi.Id, columns) { Origin = j.Origin });
        }
        return rw.ToWorkflow();
    }
}
