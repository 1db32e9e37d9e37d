using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary><c>native.dropcolumn</c>: every input column except the listed ones, <c>drop a, b</c>.</summary>
public sealed class DropColumnComponent : StepComponent
{
    public override string Id => "native.dropcolumn";
    public override string Title => "Drop columns";
    public override ComponentCategory Category => ComponentCategory.BasicSql;
    public override Seq<ComponentParameter> Parameters { get; } = [new("column", ParameterKind.ColumnList, Parent: "source")];
    public override Seq<string> Keywords { get; } = ["drop"];
    public override ComponentDoc Doc { get; } = new("`drop a, b`", "`Project` without the columns", "input minus those");

    public override void Lower(CanvasLoweringContext cx)
    {
        if (cx.Values.Columns("column") is { } columns) cx.Output("result", ComponentLowering.DropColumns(cx, cx.Input("source"), columns, cx.Step));
    }

    public override StepSyntax Decompile(ComponentDecompilingContext cx) =>
        new DropStepSyntax([.. cx.Values.Columns("column")!.Select(c => DecompiledSyntax.Name(c.Name))]);

    public override StepBinding? Bind(StepSyntax step, StepBinding cx)
    {
        var dropped = ((DropStepSyntax)step).Columns.Select(cx.Column).ToList();
        if (dropped.Any(c => c is null)) return null;
        return cx.Next(ComponentLowering.DropColumns(cx.Lowering, cx.Node, dropped!, cx.Step));
    }
}

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
