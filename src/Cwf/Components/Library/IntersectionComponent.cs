using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.intersection</c>: adds <c>intersection</c>, the points two geography columns share; <c>intersection geo1, geo2 [as name]</c>.</summary>
public sealed class IntersectionComponent : GenericStepComponent
{
    public override string Id => "native.intersection";
    public override string Title => "Intersection";
    public override ComponentCategory Category => ComponentCategory.GeographicTools;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo1"), ComponentParameter.Column("geo2")];
    public override GenericStepForm Form { get; } = new("intersection", ["geo1", "geo2"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = new("`intersection geo1, geo2 [as name]`", "adds `intersection` = `st_intersection(geo1, geo2)`", "input + `intersection` (geography)");

    public override void Build(ComponentLoweringContext cx) => cx.Output("result", ComponentLowering.Overlay(cx, Functions.Intersection, "intersection"));
}

public static partial class ComponentLowering
{
    /// <summary><c>native.intersection</c>, <c>native.difference</c>: adds <paramref name="name"/> = the overlay of the columns <c>geo1</c> and <c>geo2</c>.</summary>
    public static int? Overlay(ComponentLoweringContext cx, BuiltinFunction overlay, string name)
    {
        var v = cx.Values;
        int source = cx.Input("source");
        if ((v.Column("geo1"), v.Column("geo2")) is not ({ } geo1, { } geo2)) return null;
        var a = cx.ResolveGeography(source, geo1);
        var b = cx.ResolveGeography(source, geo2);
        if (a is null || b is null) return null;
        return cx.AddColumn(source, cx.OutputName ?? name, ExprFactory.Call(overlay, ExprFactory.Column(a), ExprFactory.Column(b)), cx.Step);
    }
}
