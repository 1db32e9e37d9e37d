using Cwf.Ir;

namespace Cwf.Optimization.Passes;

/// <summary>
/// Rewrites distance thresholds into <c>st_dwithin</c>, which warehouses evaluate with a spatial
/// index or by stopping at the threshold instead of computing the exact distance:
/// <list type="bullet">
/// <item><c>st_distance(a, b) &lt;= d</c> (or <c>d &gt;= st_distance(a, b)</c>) becomes <c>st_dwithin(a, b, d)</c>,
/// anywhere in a filter or join condition: dwithin is "distance at most d", boundary included,
/// and NULL exactly when an argument is NULL, as the comparison is;</item>
/// <item><c>st_distance(a, b) &lt; d</c> cannot become dwithin (it excludes the boundary), but as a
/// conjunct of a join or semi-join condition it gains the index prefilter
/// <c>st_dwithin(a, b, d) AND st_distance(a, b) &lt; d</c>: where dwithin is false the distance
/// exceeds d, where it is NULL so is the comparison.</item>
/// </list>
/// Only for a literal d ≥ 0 (warehouses disagree on negative thresholds), and only where the
/// target has a native metric dwithin (<see cref="OptimizerTarget.HasNativeDWithin"/>).
/// </summary>
public sealed class SpatialDistanceToDWithin : OptimizerPass
{
    public override string Name => "spatial-distance-to-dwithin";
    public override string Description => "st_distance(a, b) <= d -> st_dwithin(a, b, d) where the target has a native dwithin";

    public override Workflow Run(Workflow workflow, OptimizerTarget target)
    {
        if (!target.HasNativeDWithin) return workflow;
        var rw = new WorkflowRewriter(workflow);
        // A node is copied only when its expression changed (the rewrites return the very instance
        // otherwise): most filters and joins have no distance to rewrite.
        foreach (var node in workflow.Nodes)
        {
            switch (node)
            {
                case FilterNode f when RewriteAtMost(f.Predicate) is var predicate && !ReferenceEquals(predicate, f.Predicate):
                    rw.Replace(f with { Predicate = predicate });
                    break;
                case JoinNode j when Prefilter(RewriteAtMost(j.Condition)) is var condition && !ReferenceEquals(condition, j.Condition):
                    rw.Replace(j with { Condition = condition });
                    break;
                case SemiJoinNode s when Prefilter(RewriteAtMost(s.Condition)) is var condition && !ReferenceEquals(condition, s.Condition):
                    rw.Replace(s with { Condition = condition });
                    break;
            }
        }
        return rw.ToWorkflow();
    }

    private static Expr RewriteAtMost(Expr e) => !HasDistance(e) ? e : Predicates.Rewrite(e, x =>
        Threshold(x) is ({ } a, { } b, { } d, false) ? ExprFactory.Call(Functions.DWithin, a, b, d) : x);

    // A walk that allocates nothing first: only an expression with a distance is rewritten or split into conjuncts.
    private static bool HasDistance(Expr e)
    {
        using var walk = new ExprNodes(e);
        while (walk.Next(out var node))
            if (node is Call { Function.Name: "st_distance" }) return true;
        return false;
    }

    private static Expr Prefilter(Expr condition)
    {
        if (!HasDistance(condition)) return condition;
        var conjuncts = Predicates.Conjuncts(condition);
        var result = new List<Expr>();
        bool changed = false;
        foreach (var c in conjuncts)
        {
            if (Threshold(c) is ({ } a, { } b, { } d, true))
            {
                var dwithin = ExprFactory.Call(Functions.DWithin, a, b, d);
                if (!conjuncts.Contains(dwithin))
                {
                    result.Add(dwithin);
                    changed = true;
                }
            }
            result.Add(c);
        }
        return changed ? Predicates.And(result) : condition;
    }

    /// <summary>Matches <c>st_distance(a, b) &lt;= d</c> / <c>&lt; d</c> in either orientation, d a literal ≥ 0.</summary>
    private static (Expr? A, Expr? B, Expr? D, bool Strict) Threshold(Expr e)
    {
        if (e is not Binary b) return default;
        var (distance, limit, op) = b switch
        {
            { Left: Call { Function.Name: "st_distance" } c, Op: BinaryOp.LessOrEqual or BinaryOp.Less } => (c, b.Right, b.Op),
            { Right: Call { Function.Name: "st_distance" } c, Op: BinaryOp.GreaterOrEqual } => (c, b.Left, BinaryOp.LessOrEqual),
            { Right: Call { Function.Name: "st_distance" } c, Op: BinaryOp.Greater } => (c, b.Left, BinaryOp.Less),
            _ => (null, null, default(BinaryOp)),
        };
        if (distance is null || limit is not Literal { Value: long or double or decimal } literal || Convert.ToDouble(literal.Value) < 0) return default;
        return (distance.Args[0], distance.Args[1], limit, op == BinaryOp.Less);
    }
}
