using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.destination</c>: adds <c>&lt;geo&gt;_destination</c>, the geodesic destination at a distance and bearing (degrees from north); destination geo, distance, bearing { units: 'Kilometers' } [as name].</summary>
public sealed class DestinationComponent : GeographyColumnComponent
{
    public override string Id => "native.destination";
    public override string Title => "Destination point";
    public override ComponentCategory Category => ComponentCategory.GeographicTools;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo"), new("distance", ParameterKind.Number), new("bearing", ParameterKind.Number), ComponentParameter.Selection("units", ComponentCatalog.LengthUnits, "Meters")];
    public override GenericStepForm Form { get; } = new("destination", ["geo", "distance", "bearing"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = Documented("`destination geo, distance, bearing { units: 'Kilometers' } [as name]`", "destination", "`st_destination(geo, meters, bearing)`", "geography");
    protected override string Suffix => "destination";

    protected override Expr? Compute(IComponentValues values, Expr geo) =>
        (values.Number("distance"), values.Number("bearing"), values.Selection("units")) is ({ } distance, { } bearing, { } units) ? ExprFactory.Call(Functions.Destination, geo, Units.ToMeters(distance, Units.ParseLength(units)!.Value), bearing) : null;
}
