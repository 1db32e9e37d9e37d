using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.length</c>: adds <c>&lt;geo&gt;_length</c>, geodesic length of the lines in meters, kilometers or miles; length geo { units: 'Kilometers' } [as name].</summary>
public sealed class LengthComponent : GeographyColumnComponent
{
    public override string Id => "native.length";
    public override string Title => "Length";
    public override ComponentCategory Category => ComponentCategory.SpatialOperations;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo"), ComponentParameter.Selection("units", ComponentCatalog.LengthUnits, "Meters")];
    public override GenericStepForm Form { get; } = new("length", ["geo"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = Documented("`length geo { units: 'Kilometers' } [as name]`", "length", "`st_length(geo)` in the unit", "float64");
    protected override string Suffix => "length";

    protected override Expr? Compute(IComponentValues values, Expr geo) =>
        values.Selection("units") is { } units ? Units.FromMeters(ExprFactory.Call(Functions.LengthMeters, geo), Units.ParseLength(units)!.Value) : null;
}
