using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.polygonize</c>: adds <c>&lt;geo&gt;_polygonize</c>, the polygons the lines enclose; polygonize geo [as name].</summary>
public sealed class PolygonizeComponent : GeographyColumnComponent
{
    public override string Id => "native.polygonize";
    public override string Title => "Polygonize";
    public override ComponentCategory Category => ComponentCategory.GeographicTools;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo")];
    public override GenericStepForm Form { get; } = new("polygonize", ["geo"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = Documented("`polygonize geo [as name]`", "polygonize", "`st_polygonize(geo)`", "geography");
    protected override string Suffix => "polygonize";

    protected override Expr? Compute(IComponentValues values, Expr geo) =>
        ExprFactory.Call(Functions.Polygonize, geo);
}
