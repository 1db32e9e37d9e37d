using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.simplify</c>: adds <c>&lt;geo&gt;_simplified</c>, the geometry simplified, the tolerance in meters, kilometers or miles; simplify geo, tolerance { units: 'Kilometers' } [as name].</summary>
public sealed class SimplifyComponent : GeographyColumnComponent
{
    public override string Id => "native.simplify";
    public override string Title => "Simplify";
    public override ComponentCategory Category => ComponentCategory.SpatialOperations;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo"), new("tolerance", ParameterKind.Number), ComponentParameter.Selection("units", ComponentCatalog.LengthUnits, "Meters")];
    public override GenericStepForm Form { get; } = new("simplify", ["geo", "tolerance"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = Documented("`simplify geo, tolerance { units: 'Kilometers' } [as name]`", "simplified", "`st_simplify(geo, meters)`", "geography");
    protected override string Suffix => "simplified";

    protected override Expr? Compute(IComponentValues values, Expr geo) =>
        (values.Number("tolerance"), values.Selection("units")) is ({ } tolerance, { } units) ? ExprFactory.Call(Functions.Simplify, geo, Units.ToMeters(tolerance, Units.ParseLength(units)!.Value)) : null;
}
