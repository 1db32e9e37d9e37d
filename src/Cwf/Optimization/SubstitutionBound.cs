using Cwf.Ir;

namespace Cwf.Optimization;

/// <summary>
/// How far a pass may grow an expression by substituting column definitions into it (a filter
/// moved below a projection, two projections merged). A substitution that grows an expression is
/// made only while the result has at most <see cref="MaxNodes"/> nodes; one that does not grow it
/// (columns renamed or replaced by literals) is always made. Otherwise the pass keeps the boundary
/// and the column stays computed once below it.
/// <para>
/// Calcite's bloat limit (<c>RelOptUtil.pushPastProjectUnlessBloat</c>, default 100) is relative
/// to the expressions of one rewrite. Along a chain that redefines a column (<c>w := w + i</c>)
/// every single step adds two nodes, so a per-step limit never stops the growth, and a pass
/// manager that runs rounds to a fixed point would let a limit relative to the previous round
/// creep. An absolute bound is stable across rounds and keeps the output linear: every conjunct
/// and projected expression the optimizer writes has at most max(<see cref="MaxNodes"/>, its
/// largest input expression) nodes. 100 is Calcite's number; it lets a redefined column absorb
/// about fifty steps before the boundary.
/// </para>
/// </summary>
internal static class SubstitutionBound
{
    /// <summary>The most nodes an expression may reach by a substitution that grows it.</summary>
    public const int MaxNodes = 100;

    /// <summary>Whether <paramref name="after"/>, the result of substituting into <paramref name="before"/>, stays within the bound.</summary>
    public static bool Allows(Expr before, Expr after) =>
        ReferenceEquals(before, after)
        || NodeCount(after, MaxNodes + 1) <= MaxNodes
        || NodeCount(after, int.MaxValue) <= NodeCount(before, int.MaxValue);

    /// <summary>The same rule on node counts known without building the result (see <c>ConjunctSet</c>).</summary>
    public static bool Allows(long nodesBefore, long nodesAfter) => nodesAfter <= MaxNodes || nodesAfter <= nodesBefore;

    /// <summary>The number of nodes of the expression, counted up to <paramref name="limit"/> (so a check against a small bound costs at most that).</summary>
    public static int NodeCount(Expr e, int limit)
    {
        int count = 0;
        using var walk = new ExprNodes(e);
        while (count < limit && walk.Next(out _)) count++;
        return count;
    }
}
