using Cwf.Ir;

namespace Cwf.Optimization.Passes;

/// <summary>
/// Merges a filter into the filter it reads when nothing else reads that one:
/// match(q) over match(p) keeps the rows where p and q are both true, so it is match(p AND q);
/// unmatch(q) over unmatch(p) keeps the rows where neither is true, so it is unmatch(p OR q)
/// (three-valued logic: p OR q is true exactly when one of them is). Mixed branches are left alone.
/// A run of filters becomes one filter whose predicates are combined once, in order, shaped by
/// <see cref="OperatorChain"/>: merging them one at a time would nest the condition as deep as the run is long.
/// </summary>
public sealed class FilterMerging : OptimizerPass
{
    public override string Name => "filter-merging";
    public override string Description => "merge consecutive filters into one";

    public override Workflow Run(Workflow workflow, OptimizerTarget target)
    {
        var rw = new WorkflowRewriter(workflow);
        // For the last filter of each run merged so far: the predicates of the whole run, in order.
        var runs = new Dictionary<int, List<Expr>>();
        foreach (var original in workflow.Nodes)
        {
            if (!rw.Contains(original.Id) || rw[original.Id] is not FilterNode outer) continue;
            if (rw[outer.Input] is not FilterNode inner || inner.Branch != outer.Branch || rw.Readers(inner.Id) != 1) continue;
            if (runs.Remove(inner.Id, out var predicates)) predicates.Add(outer.Predicate);
            else predicates = [inner.Predicate, outer.Predicate];
            runs[outer.Id] = predicates;
            rw.Redirect(inner.Id, inner.Input);
            rw.Replace(outer with { Input = inner.Input });
        }
        foreach (var (id, predicates) in runs)
        {
            var filter = (FilterNode)rw[id];
            rw.Replace(filter with
            {
                Predicate = OperatorChain.Build(predicates, filter.Branch == FilterBranch.Match ? ExprFactory.And : ExprFactory.Or),
            });
        }
        return rw.ToWorkflow();
    }
}
