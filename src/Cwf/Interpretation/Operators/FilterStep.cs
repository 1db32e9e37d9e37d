using Cwf.Ir;

namespace Cwf.Interpretation.Operators;

/// <summary>
/// Keeps the rows whose predicate is TRUE (match) or FALSE/NULL (unmatch): the two partition the
/// input. Rows are tested in ranges on several cores, kept in their order.
/// </summary>
internal static class FilterStep
{
    public static Table Run(FilterNode node, Table input, StepContext context)
    {
        var predicate = context.Compile(node.Predicate, input.Schema);
        bool keepTrue = node.Branch == FilterBranch.Match;
        var source = input.RowArrays;
        var parts = RowChunks.Run(source.Length, context.Parallelism, (start, end) =>
        {
            var kept = new List<object?[]>();
            for (int r = start; r < end; r++)
                if ((predicate(source[r], null) is true) == keepTrue) kept.Add(source[r]);
            return kept;
        });
        return Table.FromTrustedRows(node.Schema, RowChunks.Concat(parts));
    }
}
