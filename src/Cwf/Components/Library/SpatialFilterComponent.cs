using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.spatialfilter</c>: the source rows for which <c>predicate(source.geo, filter.geo)</c> holds for at
/// least one filter row (match, each row once), or for none (unmatch, NULL geometries included);
/// <c>spatial_filter other on within(geom, other.geom)</c>.
/// </summary>
public sealed class SpatialFilterComponent : StepComponent
{
    public override string Id => "native.spatialfilter";
    public override string Title => "Spatial filter";
    public override ComponentCategory Category => ComponentCategory.GeographicTools;
    public override Seq<ComponentPort> Inputs { get; } = [ComponentPort.Source, new("filter")];
    public override Seq<string> Outputs => FilterOutputs.Names;

    public override Seq<ComponentParameter> Parameters { get; } =
    [
        ComponentParameter.Column("geosource"), ComponentParameter.Column("geofilter", "filter"),
        ComponentParameter.Selection("predicate", ComponentCatalog.SpatialPredicates, "intersects"),
    ];

    public override Seq<string> Keywords { get; } = ["spatial_filter"];
    public override bool NamesPipedInput => true;

    public override ComponentDoc Doc { get; } = new(
        "`spatial_filter other on predicate(geo, other.geo)`; `let m, u = ... \\| spatial_filter ...` (match, unmatch)",
        "`SemiJoin` (match) / anti `SemiJoin` (unmatch)",
        "input");

    public override void Lower(CanvasLoweringContext cx)
    {
        var v = cx.Values;
        int source = cx.Input("source");
        if ((v.Column("geosource"), v.Column("geofilter"), v.Selection("predicate")) is not ({ } geoSource, { } geoFilter, { } predicate) || v.Failed) return;
        FilterOutputs.Lower(cx, (branch, step) =>
            ComponentLowering.SpatialFilter(cx, source, cx.Input("filter"), geoSource, geoFilter, Functions.SpatialPredicate(predicate)!, branch, step));
    }

    public override StepSyntax Decompile(ComponentDecompilingContext cx) =>
        new SpatialFilterStepSyntax(cx.JoinNames().Other, JoinConditions.Predicate(cx, "geosource", "geofilter"));

    public override StepBinding? Bind(StepSyntax step, StepBinding cx) => BindBranches(step, cx)?.Invoke(FilterBranch.Match, cx.Step);

    public override bool HasTwoResults(StepSyntax step) => true;

    /// <summary>Canvas predicates go through the shared lowering; other conditions (say st_dwithin) build the same semi join.</summary>
    public override BranchBuilder? BindBranches(StepSyntax step, StepBinding cx)
    {
        var f = (SpatialFilterStepSyntax)step;
        if (cx.Join(f.Other) is not { } filter) return null;
        if (JoinConditions.CanvasPredicate(f.Condition, filter) is { } canvas)
        {
            if (JoinConditions.PredicateColumns(canvas.Call, canvas.Function, filter, cx) is not { } columns) return null;
            return (branch, info) => cx.Next(ComponentLowering.SpatialFilter(cx.Lowering, filter.Main, filter.Other, columns.Main, columns.Other, canvas.Function, branch, info));
        }
        if (filter.Condition(f.Condition, "a spatial filter condition") is not { } predicate) return null;
        return (branch, info) => cx.Next(cx.Lowering.Builder.SemiJoin(filter.Main, filter.Other, predicate, anti: branch == FilterBranch.Unmatch, info.Name, info.Origin).Id);
    }

    public override void Check(StepSyntax step, StepBinding open) => open.Relation(((SpatialFilterStepSyntax)step).Other);
}

public static partial class ComponentLowering
{
    /// <summary>
    /// <c>native.spatialfilter</c>: the source rows for which predicate(source.geo, filter.geo) holds
    /// for at least one filter row (match, each row once), or for none (unmatch, NULL geometries included).
    /// </summary>
    public static int? SpatialFilter(LoweringContext cx, int source, int filter, ColumnArg sourceGeo, ColumnArg filterGeo, BuiltinFunction predicate, FilterBranch branch, StepInfo step)
    {
        var left = cx.ResolveGeography(source, sourceGeo);
        var right = cx.ResolveGeography(filter, filterGeo);
        if (left is null || right is null) return null;
        var condition = ExprFactory.Call(predicate, ExprFactory.Column(left, 0), ExprFactory.Column(right, 1));
        return cx.Builder.SemiJoin(source, filter, condition, anti: branch == FilterBranch.Unmatch, step.Name, step.Origin).Id;
    }
}
