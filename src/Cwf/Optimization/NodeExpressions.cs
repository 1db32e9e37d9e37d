using Cwf.Ir;

namespace Cwf.Optimization;

/// <summary>Rewrites every expression of a node, keeping the node when no expression changed.</summary>
internal static class NodeExpressions
{
    public static RelNode Map(RelNode node, Func<Expr, Expr> map)
    {
        switch (node)
        {
            case FilterNode f:
                var predicate = map(f.Predicate);
                return ReferenceEquals(predicate, f.Predicate) ? f : f with { Predicate = predicate };
            case ProjectNode p:
                var columns = MapNamed(p.Columns, map);
                return columns is null ? p : p with { Columns = columns.Value };
            case AggregateNode a:
                var keys = MapNamed(a.Keys, map);
                bool changed = false;
                var aggregates = a.Aggregates.Map(call =>
                {
                    if (call.Argument is null) return call;
                    var argument = map(call.Argument);
                    if (ReferenceEquals(argument, call.Argument)) return call;
                    changed = true;
                    return call with { Argument = argument };
                });
                return keys is null && !changed ? a : a with { Keys = keys ?? a.Keys, Aggregates = changed ? aggregates : a.Aggregates };
            case JoinNode j:
                var condition = map(j.Condition);
                return ReferenceEquals(condition, j.Condition) ? j : j with { Condition = condition };
            case SemiJoinNode s:
                var semi = map(s.Condition);
                return ReferenceEquals(semi, s.Condition) ? s : s with { Condition = semi };
            case SortNode s:
                bool sortChanged = false;
                var sortKeys = s.Keys.Map(k =>
                {
                    var e = map(k.Expr);
                    if (ReferenceEquals(e, k.Expr)) return k;
                    sortChanged = true;
                    return k with { Expr = e };
                });
                return sortChanged ? s with { Keys = sortKeys } : s;
            case LimitNode l:
                var count = map(l.Count);
                return ReferenceEquals(count, l.Count) ? l : l with { Count = count };
            default:
                return node;
        }
    }

    private static Seq<NamedExpr>? MapNamed(Seq<NamedExpr> items, Func<Expr, Expr> map)
    {
        bool changed = false;
        var result = items.Map(n =>
        {
            var e = map(n.Expr);
            if (ReferenceEquals(e, n.Expr)) return n;
            changed = true;
            return n with { Expr = e };
        });
        return changed ? result : null;
    }
}
