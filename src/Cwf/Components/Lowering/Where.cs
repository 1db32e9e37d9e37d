using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components;

public static partial class ComponentLowering
{
    /// <summary>
    /// <c>native.where</c> (and the other two-output filters): one node per used output.
    /// Match keeps rows where the predicate is true; Unmatch the rest, NULL included.
    /// </summary>
    public static int? Where(LoweringContext cx, int input, Expr predicate, Location predicateLocation, FilterBranch branch, StepInfo step)
    {
        if (predicate.Type is not (SqlType.Bool or SqlType.Unknown))
        {
            cx.Diagnostics.Report(DiagnosticCodes.PredicateNotBoolean, predicateLocation,
                $"the filter condition is {predicate.Type.Name()}, not a boolean", "compare it with something, e.g. x > 0");
            return null;
        }
        return cx.Builder.Filter(input, predicate, branch, step.Name, step.Origin).Id;
    }

    /// <summary><c>native.isnotnull</c>: match = rows where the column is not NULL.</summary>
    public static int? IsNotNull(LoweringContext cx, int input, ColumnArg column, FilterBranch branch, StepInfo step) =>
        cx.Resolve(input, column) is { } c
            ? Where(cx, input, ExprFactory.IsNull(ExprFactory.Column(c), negated: true), column.Location, branch, step)
            : null;
}
