using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.count</c>: one row holding the number of rows of the input (0 for an empty input), in the column
/// <c>count</c>; <c>count [as name]</c>.
/// </summary>
public sealed class CountComponent : GenericStepComponent
{
    public override string Id => "native.count";
    public override string Title => "Count";
    public override ComponentCategory Category => ComponentCategory.BasicSql;
    public override Seq<ComponentParameter> Parameters { get; } = [];
    public override GenericStepForm Form { get; } = new("count", [], NamesColumn: true);
    public override ComponentDoc Doc { get; } = new("`count [as name]`", "`Aggregate` without keys: `count()`", "one row: `count` (int64)");

    public override void Build(ComponentLoweringContext cx)
    {
        int source = cx.Input("source");
        var count = new AggregateCall(cx.OutputName ?? "count", AggregateFunction.CountAll, null);
        cx.Output("result", cx.Builder.Aggregate(source, [], [count], cx.Step.Name, cx.Step.Origin).Id);
    }
}
