using System.Globalization;
using Cwf.Ir;

namespace Cwf.Interpretation.Operators;

/// <summary>
/// The k nearest right rows of each left row: every right row's distance measured exactly (the
/// distance expression, geodesic), those without one or beyond the bound dropped, the first k by
/// the node's order kept (a full tie keeps the earlier right row). A left row with none gives one
/// row with NULL right columns and distance. Order keys that read only the right row are computed
/// once per right row. The left rows are ranked in ranges on several cores (<see cref="RowChunks"/>), in order.
/// </summary>
internal static class NearestStep
{
    private sealed record Candidate(int Right, double Distance, object?[] PairKeys);

    public static Table Run(NearestNode node, Table left, Table right, StepContext context)
    {
        var distance = context.Compile(node.Distance, left.Schema, right.Schema);
        // A NULL bound keeps nothing, as ST_DWITHIN(a, b, NULL) does.
        double? within = node.Within is null ? null
            : context.EvaluateConstant(node.Within) is { } bound ? Convert.ToDouble(bound, CultureInfo.InvariantCulture) : double.NaN;
        var outputs = node.Outputs.Select(o => (o.Side, Index: (o.Side == 0 ? left.Schema : right.Schema).IndexOf(o.Column))).ToArray();
        var leftRows = left.RowArrays;
        var rightRows = right.RowArrays;

        var keys = node.Order.Select(k => (Evaluate: context.Compile(k.Expr, left.Schema, right.Schema), PerPair: Predicates.Columns(k.Expr).Any(c => c.Input == 0))).ToArray();
        var orders = node.Order.Select(k => new KeyOrder(k.Descending, NullsFirst: false)).ToArray();
        var perRight = new object?[rightRows.Length][];
        for (int r = 0; r < rightRows.Length; r++)
        {
            var values = new object?[keys.Length];
            for (int k = 0; k < keys.Length; k++)
                if (!keys[k].PerPair) values[k] = keys[k].Evaluate([], rightRows[r]);
            perRight[r] = values;
        }

        var parts = RowChunks.Run(left.Count, context.Parallelism, (start, end) =>
        {
            var rows = new List<object?[]>();
            var best = new List<Candidate>(node.K + 1);
            for (int l = start; l < end; l++)
            {
                best.Clear();
                for (int r = 0; r < rightRows.Length; r++)
                {
                    if (distance(leftRows[l], rightRows[r]) is not { } value) continue;
                    double d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                    if (within is { } w && !(d <= w)) continue;
                    var pairKeys = new object?[keys.Length];
                    for (int k = 0; k < keys.Length; k++)
                        pairKeys[k] = keys[k].PerPair ? keys[k].Evaluate(leftRows[l], rightRows[r]) : perRight[r][k];
                    Insert(best, new Candidate(r, d, pairKeys), node.K, orders);
                }
                if (best.Count == 0) rows.Add(Combine(outputs, leftRows[l], null, null));
                foreach (var c in best) rows.Add(Combine(outputs, leftRows[l], rightRows[c.Right], c.Distance));
            }
            return rows;
        });
        return Table.FromTrustedRows(node.Schema, RowChunks.Concat(parts));
    }

    /// <summary>Inserts the candidate into the sorted list, keeping at most <paramref name="k"/>.</summary>
    private static void Insert(List<Candidate> best, Candidate candidate, int k, KeyOrder[] orders)
    {
        if (best.Count == k && Compare(candidate, best[^1], orders) >= 0) return;
        int at = best.Count;
        while (at > 0 && Compare(candidate, best[at - 1], orders) < 0) at--;
        best.Insert(at, candidate);
        if (best.Count > k) best.RemoveAt(best.Count - 1);
    }

    /// <summary>By the order keys (NULLs last in both directions), then the earlier right row.</summary>
    private static int Compare(Candidate a, Candidate b, KeyOrder[] orders)
    {
        int c = SortStep.CompareKeys(a.PairKeys, b.PairKeys, orders);
        return c != 0 ? c : a.Right.CompareTo(b.Right);
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
