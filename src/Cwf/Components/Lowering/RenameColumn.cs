using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components;

public static partial class ComponentLowering
{
    /// <summary><c>native.renamecolumn</c>: same columns in the same order, one renamed.</summary>
    public static int? RenameColumn(LoweringContext cx, int input, ColumnArg column, string newName, Location newNameLocation, StepInfo step)
    {
        if (!cx.RequireKnownColumns(input, step, $"renaming '{column.Name}'") || cx.Resolve(input, column) is not { } source) return null;
        var schema = cx.Builder.SchemaOf(input);
        if (schema.Find(newName) is { } clash && !string.Equals(clash.Name, source.Name, StringComparison.OrdinalIgnoreCase))
        {
            cx.Diagnostics.Report(DiagnosticCodes.DuplicateOutputColumn, newNameLocation,
                $"cannot rename '{source.Name}' to '{newName}': a column '{clash.Name}' already exists", "drop or rename that column first");
            return null;
        }
        var columns = schema.Columns.Select(c => c.Name == source.Name ? new NamedExpr(newName, ExprFactory.Column(c)) : LoweringContext.PassThrough(c));
        return cx.Builder.Project(input, columns, step.Name, step.Origin).Id;
    }
}
