using Cwf.Ir;

namespace Cwf.Interpretation.Operators;

/// <summary>Computes each output column from the input row.</summary>
internal static class ProjectStep
{
    public static Table Run(ProjectNode node, Table input, StepContext context)
    {
        var columns = node.Columns.Select(c => context.Compile(c.Expr, input.Schema)).ToArray();
        var rows = new object?[input.Count][];
        var source = input.RowArrays;
        for (int r = 0; r < rows.Length; r++)
        {
            var row = new object?[columns.Length];
            for (int c = 0; c < columns.Length; c++) row[c] = columns[c](source[r], null);
            rows[r] = row;
        }
        return Table.FromTrustedRows(node.Schema, rows);
    }
}
