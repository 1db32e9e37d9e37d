using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.geometrytype</c>: adds <c>&lt;geo&gt;_type</c>, the geometry type; geometrytype geo [as name].</summary>
public sealed class GeometryTypeComponent : GeographyColumnComponent
{
    public override string Id => "native.geometrytype";
    public override string Title => "Geometry type";
    public override ComponentCategory Category => ComponentCategory.GeographicTools;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo")];
    public override GenericStepForm Form { get; } = new("geometrytype", ["geo"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = Documented("`geometrytype geo [as name]`", "type", "`st_geometrytype(geo)` (`'ST_Polygon'` ...)", "string");
    protected override string Suffix => "type";

    protected override Expr? Compute(IComponentValues values, Expr geo) =>
        ExprFactory.Call(Functions.GeometryType, geo);
}
