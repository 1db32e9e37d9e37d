using Cwf.Ir;

namespace Cwf.Interpretation.Operators;

/// <summary>
/// Inner, left, right and full joins on any condition. Output: for each left row in order, one
/// row per matching right row (right-row order), or one NULL-extended row when a left or full
/// join finds none; then, for right and full joins, the right rows nothing matched. The left
/// rows are probed in ranges on several cores (<see cref="RowChunks"/>), the ranges' rows then
/// concatenated in order: the same rows in the same order as one loop.
/// </summary>
internal static class JoinStep
{
    public static Table Run(JoinNode node, Table left, Table right, StepContext context)
    {
        var matcher = JoinMatcher.Create(node.Condition, left, right, context);
        var outputs = node.Outputs.Select(o => (o.Side, Index: (o.Side == 0 ? left.Schema : right.Schema).IndexOf(o.Column))).ToArray();
        bool keepLeft = node.Kind is JoinKind.Left or JoinKind.Full;
        bool keepRight = node.Kind is JoinKind.Right or JoinKind.Full;
        var leftRows = left.RowArrays;
        var rightRows = right.RowArrays;

        var parts = RowChunks.Run(left.Count, context.Parallelism, (start, end) =>
        {
            var probe = new JoinMatcher.Probe();
            var rows = new List<object?[]>();
            var rightMatched = keepRight ? new List<int>() : null;
            for (int l = start; l < end; l++)
            {
                var matches = matcher.Matches(leftRows[l], probe);
                foreach (int r in matches) rows.Add(Combine(outputs, leftRows[l], rightRows[r]));
                rightMatched?.AddRange(matches);
                if (matches.Count == 0 && keepLeft) rows.Add(Combine(outputs, leftRows[l], null));
            }
            return (Rows: rows, RightMatched: rightMatched);
        });

        var joined = parts.Select(p => p.Rows).ToList();
        if (keepRight)
        {
            var matched = new bool[right.Count];
            foreach (var part in parts)
                foreach (int r in part.RightMatched!) matched[r] = true;
            var unmatched = new List<object?[]>();
            for (int r = 0; r < right.Count; r++)
                if (!matched[r]) unmatched.Add(Combine(outputs, null, rightRows[r]));
            joined.Add(unmatched);
        }
        return Table.FromTrustedRows(node.Schema, RowChunks.Concat(joined));
    }

    private static object?[] Combine((int Side, int Index)[] outputs, object?[]? left, object?[]? right)
    {
        var row = new object?[outputs.Length];
        for (int c = 0; c < outputs.Length; c++)
        {
            var source = outputs[c].Side == 0 ? left : right;
            row[c] = source?[outputs[c].Index];
        }
        return row;
    }
}
