using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.pointn</c>: adds <c>&lt;geo&gt;_pointn</c>, the index-th vertex of a line (1-based, negative from the end); pointn geo, index [as name].</summary>
public sealed class PointNComponent : GeographyColumnComponent
{
    public override string Id => "native.pointn";
    public override string Title => "Nth point";
    public override ComponentCategory Category => ComponentCategory.GeographicTools;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo"), new("index", ParameterKind.Integer)];
    public override GenericStepForm Form { get; } = new("pointn", ["geo", "index"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = Documented("`pointn geo, index [as name]`", "pointn", "`st_pointn(geo, index)`", "geography");
    protected override string Suffix => "pointn";

    protected override Expr? Compute(IComponentValues values, Expr geo) =>
        values.Integer("index") is { } index ? ExprFactory.Call(Functions.PointN, geo, index) : null;
}
