using Cwf.Ir;

namespace Cwf.Interpretation.Operators;

/// <summary>The rows of a <see cref="ValuesNode"/>: each value evaluated once, in row order.</summary>
internal static class ValuesStep
{
    public static Table Run(ValuesNode node, StepContext context)
    {
        var rows = new object?[node.Rows.Count][];
        for (int r = 0; r < rows.Length; r++)
        {
            var row = new object?[node.TableSchema.Count];
            for (int c = 0; c < row.Length; c++) row[c] = context.EvaluateConstant(node.Rows[r][c]);
            rows[r] = row;
        }
        return Table.FromTrustedRows(node.Schema, rows);
    }
}
