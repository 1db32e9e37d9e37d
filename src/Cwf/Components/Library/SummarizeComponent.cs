using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary><c>native.summarize</c>: one row of aggregates over the whole input, <c>summarize { name: agg(x) }</c>.</summary>
public sealed class SummarizeComponent : StepComponent
{
    public override string Id => "native.summarize";
    public override string Title => "Summarize";
    public override ComponentCategory Category => ComponentCategory.BasicSql;
    public override Seq<ComponentParameter> Parameters { get; } = [new("columns", ParameterKind.ColumnAggregation, Parent: "source")];
    public override Seq<string> Keywords { get; } = ["summarize"];
    public override ComponentDoc Doc { get; } = new("`summarize { name: agg(x), ... }`", "`Aggregate` without keys (one row)", "aggregates (one row)");

    public override void Lower(CanvasLoweringContext cx)
    {
        if (cx.Values.Aggregations("columns") is { } aggregations)
            cx.Output("result", ComponentLowering.GroupBy(cx, cx.Input("source"), [], aggregations, cx.Step));
    }

    public override StepSyntax Decompile(ComponentDecompilingContext cx) => new SummarizeStepSyntax(GroupByComponent.Aggregates(cx.Values));

    public override StepBinding? Bind(StepSyntax step, StepBinding cx) => GroupByComponent.BindAggregate(cx, [], ((SummarizeStepSyntax)step).Aggregates);

    public override void Check(StepSyntax step, StepBinding open) => GroupByComponent.CheckAggregates(((SummarizeStepSyntax)step).Aggregates, open);
}
