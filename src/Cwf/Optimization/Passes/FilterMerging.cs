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
        // For the last filter of each run merged so far: how many filters the run has. A filter joins a run when it
        // is reached, before any of its inputs changed, so the run is the chain of original filters ending there.
        var runs = new Dictionary<int, int>();
        foreach (var original in workflow.Nodes)
        {
            if (!rw.Contains(original.Id) || rw[original.Id] is not FilterNode outer) continue;
            if (rw[outer.Input] is not FilterNode inner || inner.Branch != outer.Branch || rw.Readers(inner.Id) != 1) continue;
            runs[outer.Id] = (runs.Remove(inner.Id, out int length) ? length : 1) + 1;
            rw.Redirect(inner.Id, inner.Input);
            rw.Replace(outer with { Input = inner.Input });
        }
        foreach (var (id, length) in runs)
        {
            var filter = (FilterNode)rw[id];
            rw.Replace(filter with
            {
                Predicate = OperatorChain.Build(RunPredicates(workflow, id, length), filter.Branch == FilterBranch.Match ? ExprFactory.And : ExprFactory.Or),
            });
        }
        return rw.ToWorkflow();
    }

    // The predicates of a run in order, read back from its last filter in one array of their number: a list grown
    // by doubling was a large object twice over for a run of 100,000 filters.
    private static Expr[] RunPredicates(Workflow workflow, int last, int length)
    {
        var predicates = new Expr[length];
        int id = last;
        for (int i = length - 1; i >= 0; i--)
        {
            var filter = (FilterNode)workflow[id];
            predicates[i] = filter.Predicate;
            id = filter.Input;
        }
        return predicates;
    }
}
