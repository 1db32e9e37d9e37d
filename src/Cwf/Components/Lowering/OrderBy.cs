using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components;

public static partial class ComponentLowering
{
    /// <summary><c>native.orderby</c> (and .cwf sort with several keys): NULLs last in both directions.</summary>
    public static int? OrderBy(LoweringContext cx, int input, IReadOnlyList<(Expr Key, bool Descending, Location Location)> keys, StepInfo step)
    {
        bool ok = true;
        foreach (var (key, _, location) in keys)
        {
            if (key.Type.IsComparable()) continue;
            cx.Diagnostics.Report(DiagnosticCodes.NotComparable, location, "geography values cannot be sorted",
                "sort by a derived number instead, e.g. st_x(geom) or area");
            ok = false;
        }
        return ok ? cx.Builder.Sort(input, keys.Select(k => new SortKey(k.Key, k.Descending)), step.Name, step.Origin).Id : null;
    }

    /// <summary>The canvas form: one column and a direction.</summary>
    public static int? OrderBy(LoweringContext cx, int input, ColumnArg column, bool descending, StepInfo step) =>
        cx.Resolve(input, column) is { } c ? OrderBy(cx, input, [(ExprFactory.Column(c), descending, column.Location)], step) : null;
}
