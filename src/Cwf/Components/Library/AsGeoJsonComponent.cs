using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.asgeojson</c>: adds <c>&lt;geo&gt;_geojson</c>, the GeoJSON text; asgeojson geo [as name].</summary>
public sealed class AsGeoJsonComponent : GeographyColumnComponent
{
    public override string Id => "native.asgeojson";
    public override string Title => "As GeoJSON";
    public override ComponentCategory Category => ComponentCategory.Parsers;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo")];
    public override GenericStepForm Form { get; } = new("asgeojson", ["geo"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = Documented("`asgeojson geo [as name]`", "geojson", "`st_asgeojson(geo)`", "string");
    protected override string Suffix => "geojson";

    protected override Expr? Compute(IComponentValues values, Expr geo) =>
        ExprFactory.Call(Functions.AsGeoJson, geo);
}
