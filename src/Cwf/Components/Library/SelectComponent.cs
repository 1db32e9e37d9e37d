using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary><c>native.select</c>: the output is exactly the select list, <c>select a, b as c, *</c>.</summary>
public sealed class SelectComponent : StepComponent
{
    public override string Id => "native.select";
    public override string Title => "Select";
    public override ComponentCategory Category => ComponentCategory.BasicSql;
    public override Seq<ComponentPort> Inputs { get; } = [new("table")];
    public override Seq<ComponentParameter> Parameters { get; } = [new("select", ParameterKind.StringSql)];
    public override Seq<string> Keywords { get; } = ["select"];

    public override ComponentDoc Doc { get; } = new(
        "`select a, b as c, expr as d, *` (the same select list)",
        "`Project` of the bound select list (`*` expands)",
        "as listed");

    public override void Lower(CanvasLoweringContext cx) => cx.Output("result", cx.SelectList(cx.Input("table")));

    public override StepSyntax Decompile(ComponentDecompilingContext cx) =>
        cx.Ir("result") is OpaqueNode opaque
            ? DecompiledSyntax.KeptAsSql(opaque.SqlTemplate!, null, "the select list")
            : new SelectStepSyntax(cx.SelectList("select"));

    public override StepBinding? Bind(StepSyntax step, StepBinding cx)
    {
        var columns = cx.SelectItems(((SelectStepSyntax)step).Items);
        if (columns is null) return null;
        return cx.Reshaped(ComponentLowering.Select(cx.Lowering, cx.Node, [.. columns.Select(c => (c.Column, cx.Locate(c.Site)))], cx.Step));
    }

    public override void Check(StepSyntax step, StepBinding open)
    {
        foreach (var item in ((SelectStepSyntax)step).Items.Where(i => i.Expression is not StarSyntax)) open.Scalar(item.Expression, "this step");
    }
}

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
        if (!cx.CheckUniqueNames(columns.Select(c => (c.Column.Name, c.Location)))) return null;
        return cx.Builder.Project(input, columns.Select(c => c.Column), step.Name, step.Origin).Id;
    }
}
