using Cwf.Interpretation.Evaluation;
using Cwf.Ir;

namespace Cwf.Interpretation.Operators;

/// <summary>
/// The k nearest right rows of each left row: every right row's distance measured exactly (the
/// distance expression, geodesic), those without one or beyond the bound dropped, the first k by
/// the node's order kept (the distance, then the right side's columns; a full tie keeps the
/// earlier right row). A left row with none gives one row with NULL right columns and distance.
/// The left rows are ranked in ranges on several cores (<see cref="RowChunks"/>), in order.
/// </summary>
internal static class NearestStep
{
    public static Table Run(NearestNode node, Table left, Table right, StepContext context)
    {
        var distance = context.Compile(node.Distance, left.Schema, right.Schema);
        double? within = node.Within is null ? null : context.EvaluateConstant(node.Within) is { } bound ? Convert.ToDouble(bound, System.Globalization.CultureInfo.InvariantCulture) : double.NaN;
        var outputs = node.Outputs.Select(o => (o.Side, Index: (o.Side == 0 ? left.Schema : right.Schema).IndexOf(o.Column))).ToArray();
        var leftRows = left.RowArrays;
        var rightRows = right.RowArrays;

        // The tie-breaking keys read the right row only: computed once per right row.
        var tieKeys = node.Order.Skip(1).Select(k => context.Compile(k.Expr, left.Schema, right.Schema)).ToArray();
        var descending = node.Order.Select(k => k.Descending).ToArray();
        var ties = new object?[rightRows.Length][];
        for (int r = 0; r < rightRows.Length; r++)
        {
            var keys = new object?[tieKeys.Length];
            for (int k = 0; k < tieKeys.Length; k++) keys[k] = tieKeys[k]([], rightRows[r]);
            ties[r] = keys;
        }

        var parts = RowChunks.Run(left.Count, context.Parallelism, (start, end) =>
        {
            var rows = new List<object?[]>();
            var best = new List<(double Distance, int Right)>(node.K + 1);
            for (int l = start; l < end; l++)
            {
                best.Clear();
                for (int r = 0; r < rightRows.Length; r++)
                {
                    if (distance(leftRows[l], rightRows[r]) is not { } value) continue;
                    double d = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
                    // A NaN bound (a NULL distance limit) keeps nothing, as ST_DWITHIN(a, b, NULL) does.
                    if (within is { } w && !(d <= w)) continue;
                    Insert(best, (d, r), node.K, (a, b) => Compare(a, b, ties, descending));
                }
                if (best.Count == 0) rows.Add(Combine(outputs, leftRows[l], null, null));
                foreach (var (d, r) in best) rows.Add(Combine(outputs, leftRows[l], rightRows[r], d));
            }
            return rows;
        });
        return Table.FromTrustedRows(node.Schema, RowChunks.Concat(parts));
    }

    /// <summary>Inserts the candidate into the sorted list, keeping at most <paramref name="k"/>.</summary>
    private static void Insert(List<(double Distance, int Right)> best, (double Distance, int Right) candidate, int k,
        Func<(double Distance, int Right), (double Distance, int Right), int> compare)
    {
        if (best.Count == k && compare(candidate, best[^1]) >= 0) return;
        int at = best.Count;
        while (at > 0 && compare(candidate, best[at - 1]) < 0) at--;
        best.Insert(at, candidate);
        if (best.Count > k) best.RemoveAt(best.Count - 1);
    }

    /// <summary>By distance, then the tie-breaking keys (NULLs last in both directions), then the earlier right row.</summary>
    private static int Compare((double Distance, int Right) a, (double Distance, int Right) b, object?[][] ties, bool[] descending)
    {
        int c = a.Distance.CompareTo(b.Distance);
        if (c != 0) return descending[0] ? -c : c;
        var x = ties[a.Right];
        var y = ties[b.Right];
        for (int k = 0; k < x.Length; k++)
        {
            if (x[k] is null || y[k] is null)
            {
                if (x[k] is null && y[k] is null) continue;
                return x[k] is null ? 1 : -1;
            }
            c = SqlValues.Compare(x[k]!, y[k]!);
            if (c != 0) return descending[k + 1] ? -c : c;
        }
        return a.Right.CompareTo(b.Right);
    }

    private static object?[] Combine((int Side, int Index)[] outputs, object?[] left, object?[]? right, double? distance)
    {
        var row = new object?[outputs.Length + 1];
        for (int c = 0; c < outputs.Length; c++)
            row[c] = outputs[c].Side == 0 ? left[outputs[c].Index] : right?[outputs[c].Index];
        row[^1] = distance;
        return row;
    }
}
