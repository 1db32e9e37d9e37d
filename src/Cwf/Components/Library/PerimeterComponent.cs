using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.perimeter</c>: adds <c>&lt;geo&gt;_perimeter</c>, geodesic perimeter of the polygons in meters, kilometers or miles; perimeter geo { units: 'Kilometers' } [as name].</summary>
public sealed class PerimeterComponent : GeographyColumnComponent
{
    public override string Id => "native.perimeter";
    public override string Title => "Perimeter";
    public override ComponentCategory Category => ComponentCategory.SpatialOperations;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo"), ComponentParameter.Selection("units", ComponentCatalog.LengthUnits, "Meters")];
    public override GenericStepForm Form { get; } = new("perimeter", ["geo"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = Documented("`perimeter geo { units: 'Kilometers' } [as name]`", "perimeter", "`st_perimeter(geo)` in the unit", "float64");
    protected override string Suffix => "perimeter";

    protected override Expr? Compute(IComponentValues values, Expr geo) =>
        values.Selection("units") is { } units ? Units.FromMeters(ExprFactory.Call(Functions.Perimeter, geo), Units.ParseLength(units)!.Value) : null;
}
