using Cwf.Ir;

namespace Cwf.Optimization.Passes;

/// <summary>
/// Merges a filter into the filter it reads when nothing else reads that one:
/// match(q) over match(p) keeps the rows where p and q are both true, so it is match(p AND q);
/// unmatch(q) over unmatch(p) keeps the rows where neither is true, so it is unmatch(p OR q)
/// (three-valued logic: p OR q is true exactly when one of them is). Mixed branches are left alone.
/// </summary>
public sealed class FilterMerging : OptimizerPass
{
    public override string Name => "filter-merging";
    public override string Description => "merge consecutive filters into one";

    public override Workflow Run(Workflow workflow, OptimizerTarget target)
    {
        var rw = new WorkflowRewriter(workflow);
        foreach (var original in workflow.Nodes)
        {
            if (!rw.Contains(original.Id) || rw[original.Id] is not FilterNode outer) continue;
            if (rw[outer.Input] is not FilterNode inner || inner.Branch != outer.Branch || rw.Readers(inner.Id) != 1) continue;
            var merged = outer.Branch == FilterBranch.Match
                ? ExprFactory.And(inner.Predicate, outer.Predicate)
                : ExprFactory.Or(inner.Predicate, outer.Predicate);
            rw.Redirect(inner.Id, inner.Input);
            rw.Replace(outer with { Input = inner.Input, Predicate = merged });
        }
        return rw.ToWorkflow();
    }
}
