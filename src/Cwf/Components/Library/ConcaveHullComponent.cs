using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.concavehull</c>: adds <c>&lt;geo&gt;_concavehull</c>, the concave hull (ratio 0-1, 1 is the convex hull); concavehull geo { ratio: 0.3 } [as name].</summary>
public sealed class ConcaveHullComponent : GeographyColumnComponent
{
    public override string Id => "native.concavehull";
    public override string Title => "Concave hull";
    public override ComponentCategory Category => ComponentCategory.SpatialOperations;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo"), new("ratio", ParameterKind.Number, Required: false, Default: "0.5")];
    public override GenericStepForm Form { get; } = new("concavehull", ["geo"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = Documented("`concavehull geo { ratio: 0.3 } [as name]`", "concavehull", "`st_concavehull(geo, ratio)`", "geography");
    protected override string Suffix => "concavehull";

    protected override Expr? Compute(IComponentValues values, Expr geo) =>
        values.Number("ratio") is { } ratio ? ExprFactory.Call(Functions.ConcaveHull, geo, ratio) : null;
}
