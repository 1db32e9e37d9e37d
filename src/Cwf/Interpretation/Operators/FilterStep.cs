using Cwf.Ir;

namespace Cwf.Interpretation.Operators;

/// <summary>Keeps the rows whose predicate is TRUE (match) or FALSE/NULL (unmatch): the two partition the input.</summary>
internal static class FilterStep
{
    public static Table Run(FilterNode node, Table input, StepContext context)
    {
        var predicate = context.Compile(node.Predicate, input.Schema);
        bool keepTrue = node.Branch == FilterBranch.Match;
        var rows = input.RowArrays.Where(row => (predicate(row, null) is true) == keepTrue).ToArray();
        return Table.FromTrustedRows(node.Schema, rows);
    }
}
