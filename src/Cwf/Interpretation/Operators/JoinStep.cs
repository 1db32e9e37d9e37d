using Cwf.Ir;

namespace Cwf.Interpretation.Operators;

/// <summary>
/// Inner, left, right and full joins on any condition. Output: for each left row in order, one
/// row per matching right row (right-row order), or one NULL-extended row when a left or full
/// join finds none; then, for right and full joins, the right rows nothing matched.
/// </summary>
internal static class JoinStep
{
    public static Table Run(JoinNode node, Table left, Table right, StepContext context)
    {
        var matcher = JoinMatcher.Create(node.Condition, left, right, context);
        var outputs = node.Outputs.Select(o => (o.Side, Index: (o.Side == 0 ? left.Schema : right.Schema).IndexOf(o.Column))).ToArray();
        bool keepLeft = node.Kind is JoinKind.Left or JoinKind.Full;
        bool keepRight = node.Kind is JoinKind.Right or JoinKind.Full;
        var rightMatched = new bool[right.Count];
        var rows = new List<object?[]>();

        foreach (var leftRow in left.RowArrays)
        {
            bool any = false;
            foreach (int r in matcher.Matches(leftRow))
            {
                any = true;
                rightMatched[r] = true;
                rows.Add(Combine(outputs, leftRow, right.RowArrays[r]));
            }
            if (!any && keepLeft) rows.Add(Combine(outputs, leftRow, null));
        }
        if (keepRight)
        {
            for (int r = 0; r < right.Count; r++)
                if (!rightMatched[r]) rows.Add(Combine(outputs, null, right.RowArrays[r]));
        }
        return Table.FromTrustedRows(node.Schema, [.. rows]);
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
