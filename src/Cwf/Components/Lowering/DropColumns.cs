using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components;

public static partial class ComponentLowering
{
    /// <summary><c>native.dropcolumn</c>: every input column except the listed ones, in order.</summary>
    public static int? DropColumns(LoweringContext cx, int input, IReadOnlyList<ColumnArg> columns, StepInfo step)
    {
        if (!cx.RequireKnownColumns(input, step, "dropping columns")) return null;
        var dropped = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        bool ok = true;
        foreach (var arg in columns)
        {
            if (cx.Resolve(input, arg) is { } column) dropped.Add(column.Name);
            else ok = false;
        }
        if (!ok) return null;
        var kept = cx.Builder.SchemaOf(input).Columns.Where(c => !dropped.Contains(c.Name)).Select(LoweringContext.PassThrough).ToList();
        if (kept.Count == 0)
        {
            cx.Diagnostics.Report(DiagnosticCodes.NoColumnsLeft, step.Origin, "dropping these columns leaves no columns", "keep at least one column");
            return null;
        }
        return cx.Builder.Project(input, kept, step.Name, step.Origin).Id;
    }
}
