using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// A generic step that aggregates one geography column (issue 16): one row per group of the key
/// columns (<c>groupby</c>, when the component has it; none: one row for the whole table), the keys then
/// the aggregate's geography. The derived descriptor says which aggregate, over which column and how the
/// result is named.
/// </summary>
public abstract class GeographyAggregateComponent : GenericStepComponent
{
    /// <summary>The parameter of the geography column.</summary>
    protected abstract string GeographyParameter { get; }

    protected abstract AggregateFunction Function { get; }

    /// <summary>The result's name when <c>as name</c> does not give one.</summary>
    protected abstract string ResultName(Column geography);

    /// <summary>The aggregate's order keys over <paramref name="geography"/>; null when a value could not be read (reported).</summary>
    protected virtual Seq<WindowKey>? Order(ComponentLoweringContext cx, int source, Expr geography) => Seq<WindowKey>.Empty;

    public override void Build(ComponentLoweringContext cx)
    {
        var v = cx.Values;
        int source = cx.Input("source");
        var keys = FindParameter("groupby") is null ? null : v.Columns("groupby");
        if (v.Column(GeographyParameter) is not { } geo || cx.ResolveGeography(source, geo) is not { } g || v.Failed) return;
        var names = new List<(string, Location)>();
        var geography = ExprFactory.Column(g);
        if (ComponentLowering.GroupKeys(cx, source, keys ?? [], names) is not { } keyColumns || Order(cx, source, geography) is not { } order) return;
        var call = new AggregateCall(cx.OutputName ?? ResultName(g), Function, geography, order);
        names.Add((call.Name, v.LocationOf(GeographyParameter)));
        if (!cx.CheckUniqueNames(names)) return;
        cx.Output("result", cx.Builder.Aggregate(source, keyColumns, [call], cx.Step.Name, cx.Step.Origin).Id);
    }
}
