using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.crossjoin</c>: every row of the main table with every row of the secondary table (main rows ×
/// secondary rows), named as <c>native.join</c> names its output; <c>cross_join other</c>.
/// </summary>
public sealed class CrossJoinComponent : GenericStepComponent
{
    public override string Id => "native.crossjoin";
    public override string Title => "Cross join";
    public override ComponentCategory Category => ComponentCategory.BasicSql;
    public override Seq<ComponentPort> Inputs { get; } = [new("maintable"), new("secondarytable")];
    public override Seq<ComponentParameter> Parameters { get; } = [];
    public override GenericStepForm Form { get; } = new("cross_join", ["secondarytable"]);
    public override ComponentDoc Doc { get; } = new("`cross_join other`", "inner `Join` on TRUE", "as join");

    public override void Build(ComponentLoweringContext cx) =>
        cx.Output("result", ComponentLowering.JoinWithSuffix(cx, cx.Input("maintable"), cx.Input("secondarytable"), JoinKind.Inner, Predicates.True, cx.Step));
}
