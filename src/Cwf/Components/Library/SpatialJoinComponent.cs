using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.spatialjoin</c>: an inner join on <c>predicate(main.geo, secondary.geo)</c> (contract 5a.2), output
/// as <c>native.join</c>; <c>spatial_join other on within(geom, other.geom)</c>, or on any spatial condition.
/// <c>left spatial_join</c> keeps the main rows without a match, <c>right spatial_join</c> the other's (.cwf forms: the canvas
/// component has no join type); <c>full spatial_join</c> is refused (CWF2203).
/// </summary>
public sealed class SpatialJoinComponent : StepComponent
{
    public override string Id => "native.spatialjoin";
    public override string Title => "Spatial join";
    public override ComponentCategory Category => ComponentCategory.GeographicTools;
    public override Seq<ComponentPort> Inputs { get; } = [new("maintable"), new("secondarytable")];

    public override Seq<ComponentParameter> Parameters { get; } =
    [
        ComponentParameter.Column("maincolumn", "maintable"), ComponentParameter.Column("secondarycolumn", "secondarytable"),
        ComponentParameter.Selection("predicate", ComponentCatalog.SpatialPredicates, "intersects"),
    ];

    public override Seq<string> Keywords { get; } = ["spatial_join"];
    public override bool NamesPipedInput => true;

    public override ComponentDoc Doc { get; } = new(
        "`[left \\| right] spatial_join other on predicate(geo, other.geo)`",
        "inner (`left`, `right`: outer) `Join` on `predicate(main, secondary)`",
        "as join");

    public override void Lower(CanvasLoweringContext cx)
    {
        var v = cx.Values;
        if ((v.Column("maincolumn"), v.Column("secondarycolumn"), v.Selection("predicate")) is ({ } main, { } secondary, { } predicate) && !v.Failed)
            cx.Output("result", ComponentLowering.SpatialJoin(cx, cx.Input("maintable"), cx.Input("secondarytable"), main, secondary,
                Functions.SpatialPredicate(predicate)!, cx.Step));
    }

    public override StepSyntax Decompile(ComponentDecompilingContext cx) =>
        new SpatialJoinStepSyntax(cx.JoinNames().Other, JoinConditions.Predicate(cx, "maincolumn", "secondarycolumn"));

    public override StepBinding? Bind(StepSyntax step, StepBinding cx)
    {
        var j = (SpatialJoinStepSyntax)step;
        if (j.Kind == JoinKind.Full)
        {
            // PostgreSQL runs a FULL JOIN only on conditions it can merge or hash, which a spatial predicate is not.
            cx.Diagnostics.Report(DiagnosticCodes.FullSpatialJoin, cx.Locate(step),
                "a full outer spatial join is not supported: PostgreSQL cannot run a FULL JOIN on a spatial condition, and cwf does not rewrite it",
                "write left spatial_join (or right spatial_join) to keep the unmatched rows of one side",
                "for both: union by name a left spatial_join with the other side's unmatched rows (the second name of other | spatial_filter ...), renamed <col>_joined");
            return null;
        }
        if (cx.Join(j.Other) is not { } join) return null;
        var kind = j.Kind;
        int? id;
        if (JoinConditions.CanvasPredicate(j.Condition, join) is { } canvas)
        {
            if (JoinConditions.PredicateColumns(canvas.Call, canvas.Function, join, cx) is not { } columns) return null;
            id = ComponentLowering.SpatialJoin(cx.Lowering, join.Main, join.Other, columns.Main, columns.Other, canvas.Function, cx.Step, kind);
        }
        else
        {
            if (join.Condition(j.Condition, "a spatial join condition") is not { } predicate) return null;
            id = ComponentLowering.JoinWithSuffix(cx.Lowering, join.Main, join.Other, kind, predicate, cx.Step);
        }
        return join.Joined(id);
    }

    public override void Check(StepSyntax step, StepBinding open) => open.Relation(((SpatialJoinStepSyntax)step).Other);
}

public static partial class ComponentLowering
{
    /// <summary><c>native.spatialjoin</c>: an inner (or, from .cwf, left) join on predicate(main.geo, secondary.geo).</summary>
    public static int? SpatialJoin(LoweringContext cx, int main, int secondary, ColumnArg mainGeo, ColumnArg secondaryGeo, BuiltinFunction predicate, StepInfo step,
        JoinKind kind = JoinKind.Inner)
    {
        var left = cx.ResolveGeography(main, mainGeo);
        var right = cx.ResolveGeography(secondary, secondaryGeo);
        if (left is null || right is null) return null;
        var condition = ExprFactory.Call(predicate, ExprFactory.Column(left, 0), ExprFactory.Column(right, 1));
        return JoinWithSuffix(cx, main, secondary, kind, condition, step);
    }
}
