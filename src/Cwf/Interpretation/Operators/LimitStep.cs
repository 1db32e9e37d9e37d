using Cwf.Diagnostics;
using Cwf.Interpretation.Evaluation;
using Cwf.Ir;

namespace Cwf.Interpretation.Operators;

/// <summary>Keeps the first n rows (n an int64 literal or parameter, at least 0).</summary>
internal static class LimitStep
{
    public static Table Run(LimitNode node, Table input, StepContext context)
    {
        var count = context.EvaluateConstant(node.Count);
        if (count is not long n)
            throw new InterpretationException(DiagnosticCodes.RuntimeInvalidArgument, $"the row limit must be an int64, got {(count is null ? "NULL" : SqlValues.ToText(count))}");
        if (n < 0) throw new InterpretationException(DiagnosticCodes.RuntimeInvalidArgument, $"the row limit must not be negative, got {n}");
        return n >= input.Count ? Table.FromTrustedRows(node.Schema, input.RowArrays) : Table.FromTrustedRows(node.Schema, input.RowArrays[..(int)n]);
    }
}
