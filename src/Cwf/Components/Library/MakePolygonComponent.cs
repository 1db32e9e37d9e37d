using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.makepolygon</c>: adds <c>&lt;geo&gt;_polygon</c>, the polygon of a closed line; makepolygon geo [as name].</summary>
public sealed class MakePolygonComponent : GeographyColumnComponent
{
    public override string Id => "native.makepolygon";
    public override string Title => "Make polygon";
    public override ComponentCategory Category => ComponentCategory.GeographicTools;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo")];
    public override GenericStepForm Form { get; } = new("makepolygon", ["geo"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = Documented("`makepolygon geo [as name]`", "polygon", "`st_makepolygon(geo)`", "geography");
    protected override string Suffix => "polygon";

    protected override Expr? Compute(IComponentValues values, Expr geo) =>
        ExprFactory.Call(Functions.MakePolygon, geo);
}
