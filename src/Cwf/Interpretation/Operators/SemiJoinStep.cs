using Cwf.Ir;

namespace Cwf.Interpretation.Operators;

/// <summary>Keeps each left row at most once: when some right row satisfies the condition (semi), or none does (anti).</summary>
internal static class SemiJoinStep
{
    public static Table Run(SemiJoinNode node, Table left, Table right, StepContext context)
    {
        var matcher = JoinMatcher.Create(node.Condition, left, right, context);
        var rows = left.RowArrays.Where(row => matcher.Matches(row).Any() != node.Anti).ToArray();
        return Table.FromTrustedRows(node.Schema, rows);
    }
}
