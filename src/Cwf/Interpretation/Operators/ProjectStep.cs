using Cwf.Ir;

namespace Cwf.Interpretation.Operators;

/// <summary>Computes each output column from the input row; rows in ranges on several cores, each written to its own position.</summary>
internal static class ProjectStep
{
    public static Table Run(ProjectNode node, Table input, StepContext context)
    {
        var columns = node.Columns.Select(c => context.Compile(c.Expr, input.Schema)).ToArray();
        var rows = new object?[input.Count][];
        var source = input.RowArrays;
        RowChunks.ForEach(rows.Length, context.Parallelism, (start, end) =>
        {
            for (int r = start; r < end; r++)
            {
                var row = new object?[columns.Length];
                for (int c = 0; c < columns.Length; c++) row[c] = columns[c](source[r], null);
                rows[r] = row;
            }
        });
        return Table.FromTrustedRows(node.Schema, rows);
    }
}
