using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary><c>native.distinct</c>: the input without duplicate rows, <c>distinct</c>.</summary>
public sealed class DistinctComponent : StepComponent
{
    public override string Id => "native.distinct";
    public override string Title => "Distinct";
    public override ComponentCategory Category => ComponentCategory.BasicSql;
    public override Seq<ComponentParameter> Parameters { get; } = [];
    public override Seq<string> Keywords { get; } = ["distinct"];
    public override ComponentDoc Doc { get; } = new("`distinct`", "`Distinct`", "input, duplicate rows removed");

    public override void Lower(CanvasLoweringContext cx) => cx.Output("result", ComponentLowering.Distinct(cx, cx.Input("source"), cx.Step));

    public override StepSyntax Decompile(ComponentDecompilingContext cx) => new DistinctStepSyntax();

    public override StepBinding? Bind(StepSyntax step, StepBinding cx) => cx.Next(ComponentLowering.Distinct(cx.Lowering, cx.Node, cx.Step));
}

public static partial class ComponentLowering
{
    /// <summary><c>native.distinct</c>.</summary>
    public static int Distinct(LoweringContext cx, int input, StepInfo step) =>
        cx.Builder.Distinct(input, step.Name, step.Origin).Id;
}
