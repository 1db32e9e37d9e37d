using Cwf.Interpretation.Evaluation;
using Cwf.Ir;

namespace Cwf.Interpretation.Operators;

/// <summary>Orders rows by the keys; NULLs last in both directions; ties keep their input order (stable).</summary>
internal static class SortStep
{
    public static Table Run(SortNode node, Table input, StepContext context)
    {
        var keys = node.Keys.Select(k => context.Compile(k.Expr, input.Schema)).ToArray();
        var orders = node.Keys.Select(k => new KeyOrder(k.Descending, NullsFirst: false)).ToArray();
        var source = input.RowArrays;
        var entries = new (object?[] Keys, int Index)[source.Length];
        for (int r = 0; r < source.Length; r++)
        {
            var values = new object?[keys.Length];
            for (int k = 0; k < keys.Length; k++) values[k] = keys[k](source[r], null);
            entries[r] = (values, r);
        }
        try
        {
            Array.Sort(entries, Compare);
        }
        catch (InvalidOperationException e) when (e.InnerException is InterpretationException inner)
        {
            // Array.Sort wraps what the comparison throws (values that cannot be compared).
            throw inner;
        }
        return Table.FromTrustedRows(node.Schema, [.. entries.Select(e => source[e.Index])]);

        int Compare((object?[] Keys, int Index) a, (object?[] Keys, int Index) b)
        {
            int c = CompareKeys(a.Keys, b.Keys, orders);
            return c != 0 ? c : a.Index.CompareTo(b.Index);
        }
    }

    /// <summary>
    /// Key by key, each ascending or descending with its NULLs first or last (sorts and nearest
    /// neighbours put them last in both directions, contract 5a.5); 0 when all are equal.
    /// </summary>
    public static int CompareKeys(object?[] a, object?[] b, KeyOrder[] orders)
    {
        for (int k = 0; k < orders.Length; k++)
        {
            var x = a[k];
            var y = b[k];
            if (x is null || y is null)
            {
                if (x is null && y is null) continue;
                return (x is null) == orders[k].NullsFirst ? -1 : 1;
            }
            int c = SqlValues.Compare(x, y);
            if (c != 0) return orders[k].Descending ? -c : c;
        }
        return 0;
    }
}
