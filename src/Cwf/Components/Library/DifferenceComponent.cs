using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.difference</c>: adds <c>difference</c>, the points of <c>geo1</c> not in <c>geo2</c>; <c>difference geo1, geo2 [as name]</c>.</summary>
public sealed class DifferenceComponent : GenericStepComponent
{
    public override string Id => "native.difference";
    public override string Title => "Difference";
    public override ComponentCategory Category => ComponentCategory.GeographicTools;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo1"), ComponentParameter.Column("geo2")];
    public override GenericStepForm Form { get; } = new("difference", ["geo1", "geo2"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = new("`difference geo1, geo2 [as name]`", "adds `difference` = `st_difference(geo1, geo2)`", "input + `difference` (geography)");

    public override void Build(ComponentLoweringContext cx) => cx.Output("result", ComponentLowering.Overlay(cx, Functions.Difference, "difference"));
}
