using Cwf.Ir;

namespace Cwf.Optimization.Passes;

/// <summary>
/// Moves LIMIT toward the tables where that keeps exactly the same rows: below a projection
/// (row by row, order kept), into every input of a union all (the first n rows of a
/// concatenation come from the first n rows of its parts; the outer limit stays), and merges
/// limit(limit(x, m), n) into limit(x, min(m, n)). A limit never moves below a sort, a filter, a
/// join, an aggregate or a distinct: that would change which rows are kept.
/// </summary>
public sealed class LimitPushdown : OptimizerPass
{
    public override string Name => "limit-pushdown";
    public override string Description => "apply LIMIT before projections and inside unions";

    public override Workflow Run(Workflow workflow, OptimizerTarget target)
    {
        var rw = new WorkflowRewriter(workflow);
        // One work list for the pass (emptied by each walk), and a walk only from a limit: most steps are none.
        var pending = new Stack<int>();
        for (int i = workflow.Nodes.Length - 1; i >= 0; i--)
        {
            if (workflow.Nodes[i] is not LimitNode) continue;
            pending.Push(workflow.Nodes[i].Id);
            while (pending.Count > 0)
            {
                int current = pending.Pop();
                if (!rw.Contains(current) || rw[current] is not LimitNode limit) continue;
                var child = rw[limit.Input];
                if (rw.Readers(child.Id) != 1) continue;
                switch (child)
                {
                    case LimitNode inner when Count(inner) is { } m && Count(limit) is { } n:
                        var merged = rw.Replace(inner with { Count = Literal.Int(Math.Min(m, n)) });
                        rw.Redirect(limit.Id, merged.Id);
                        pending.Push(merged.Id);
                        break;
                    case ProjectNode p:
                        var below = rw.Insert(limit with { Id = rw.NewId(), Input = p.Input }, before: p.Id);
                        rw.Replace(p with { Input = below.Id });
                        rw.Redirect(limit.Id, p.Id);
                        pending.Push(below.Id);
                        break;
                    case UnionAllNode u when Count(limit) is { } count:
                        var sources = u.Sources.Map(source =>
                            rw[source] is LimitNode existing && Count(existing) <= count ? source
                                : rw.Insert(limit with { Id = rw.NewId(), Input = source }, before: u.Id).Id);
                        if (sources != u.Sources) rw.Replace(u with { Sources = sources });
                        break;
                }
            }
        }
        return rw.ToWorkflow();
    }

    private static long? Count(LimitNode limit) => limit.Count is Literal { Value: long n } ? n : null;
}
