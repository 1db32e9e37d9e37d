using Cwf.Ir;

namespace Cwf.Interpretation.Operators;

/// <summary>
/// Keeps each left row at most once: when some right row satisfies the condition (semi), or none
/// does (anti). Left rows are probed in ranges on several cores, kept in their order.
/// </summary>
internal static class SemiJoinStep
{
    public static Table Run(SemiJoinNode node, Table left, Table right, StepContext context)
    {
        var matcher = JoinMatcher.Create(node.Condition, left, right, context);
        var leftRows = left.RowArrays;
        var parts = RowChunks.Run(left.Count, context.Parallelism, (start, end) =>
        {
            var probe = new JoinMatcher.Probe();
            var kept = new List<object?[]>();
            for (int l = start; l < end; l++)
                if (matcher.Any(leftRows[l], probe) != node.Anti) kept.Add(leftRows[l]);
            return kept;
        });
        return Table.FromTrustedRows(node.Schema, RowChunks.Concat(parts));
    }
}
