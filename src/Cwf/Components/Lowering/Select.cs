using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components;

public static partial class ComponentLowering
{
    /// <summary><c>native.select</c>: the output is exactly the bound select list.</summary>
    public static int? Select(LoweringContext cx, int input, IReadOnlyList<(NamedExpr Column, Location Location)> columns, StepInfo step)
    {
        if (columns.Count == 0)
        {
            cx.Diagnostics.Report(DiagnosticCodes.NoColumnsLeft, step.Origin, "the select list is empty");
            return null;
        }
        if (!CheckUniqueNames(cx, columns.Select(c => (c.Column.Name, c.Location)))) return null;
        return cx.Builder.Project(input, columns.Select(c => c.Column), step.Name, step.Origin).Id;
    }

    /// <summary><c>native.selectexpression</c>: adds <paramref name="column"/> = expression (replacing a column of that name in place).</summary>
    public static int? SelectExpression(LoweringContext cx, int input, string column, Expr expression, StepInfo step) =>
        cx.AddColumn(input, column, expression, step);

    private static bool CheckUniqueNames(LoweringContext cx, IEnumerable<(string Name, Location Location)> names)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        bool ok = true;
        foreach (var (name, location) in names)
        {
            if (seen.Add(name)) continue;
            cx.Diagnostics.Report(DiagnosticCodes.DuplicateOutputColumn, location, $"the output column '{name}' appears twice",
                "give one of them another name");
            ok = false;
        }
        return ok;
    }
}
