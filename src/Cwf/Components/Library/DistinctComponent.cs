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
    public override Seq<string> Keywords { get; } = ["distinct", "distinct_on"];
    public override ComponentDoc Doc { get; } = new(
        "`distinct`; `distinct on (k1, k2) [by t desc]` (one row per key, the first in the order)",
        "`Distinct`; on keys: as `take 1 per`",
        "input, duplicate rows removed");

    public override void Lower(CanvasLoweringContext cx) => cx.Output("result", ComponentLowering.Distinct(cx, cx.Input("source"), cx.Step));

    public override StepSyntax Decompile(ComponentDecompilingContext cx) => new DistinctStepSyntax();

    public override StepBinding? Bind(StepSyntax step, StepBinding cx)
    {
        if (step is not DistinctOnStepSyntax on) return cx.Next(ComponentLowering.Distinct(cx.Lowering, cx.Node, cx.Step));
        var keys = on.Keys.Select(k => cx.Scalar(k, "a distinct key")).ToList();
        var order = cx.WindowKeys(on.Order, "an order key");
        if (keys.Any(k => k is null) || order is null) return null;
        return cx.Next(ComponentLowering.TakePerGroup(cx.Lowering, cx.Node, Literal.Int(1), cx.Step.Origin, [.. keys!], order.Value, cx.Step));
    }

    public override void Check(StepSyntax step, StepBinding open)
    {
        if (step is not DistinctOnStepSyntax on) return;
        foreach (var key in on.Keys) open.Scalar(key, "this step");
        open.WindowKeys(on.Order, "this step");
    }
}

public static partial class ComponentLowering
{
    /// <summary><c>native.distinct</c>.</summary>
    public static int Distinct(LoweringContext cx, int input, StepInfo step) =>
        cx.Builder.Distinct(input, step.Name, step.Origin).Id;
}
