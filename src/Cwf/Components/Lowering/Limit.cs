using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components;

public static partial class ComponentLowering
{
    /// <summary><c>native.limit</c>: the count must be a non-negative int64 literal or an int64 parameter.</summary>
    public static int? Limit(LoweringContext cx, int input, Expr count, Location countLocation, StepInfo step)
    {
        bool valid = count switch
        {
            Literal { Value: long n } => n >= 0,
            ParamRef { Type: SqlType.Int64 } => true,
            _ => false,
        };
        if (!valid)
        {
            string found = count is ParamRef p ? $"parameter '{p.Name}' of type {p.Type.Name()}" : $"{count} ({count.Type.Name()})";
            cx.Diagnostics.Report(DiagnosticCodes.InvalidLimit, countLocation,
                $"the limit must be a non-negative integer, found {found}",
                count is ParamRef ? "declare the parameter as int64" : "write a whole number such as 100");
            return null;
        }
        return cx.Builder.Limit(input, count, step.Name, step.Origin).Id;
    }

    /// <summary><c>native.distinct</c>.</summary>
    public static int Distinct(LoweringContext cx, int input, StepInfo step) =>
        cx.Builder.Distinct(input, step.Name, step.Origin).Id;
}
