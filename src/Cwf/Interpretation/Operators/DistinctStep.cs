using Cwf.Interpretation.Evaluation;
using Cwf.Ir;

namespace Cwf.Interpretation.Operators;

/// <summary>Removes duplicate rows (NULLs equal), keeping the first occurrence of each.</summary>
internal static class DistinctStep
{
    public static Table Run(DistinctNode node, Table input)
    {
        var seen = new HashSet<object?[]>(RowKeyComparer.Instance);
        var rows = input.RowArrays.Where(seen.Add).ToArray();
        return Table.FromTrustedRows(node.Schema, rows);
    }
}
