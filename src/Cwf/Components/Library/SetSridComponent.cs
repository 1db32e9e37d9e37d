using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.setsrid</c>: declares the SRID of a geography column; <c>setsrid geo, srid</c>. cwf's
/// geographies are WGS84 longitude/latitude, so 4326 leaves the rows as they are and any other SRID is
/// CWF2300 (reinterpreting projected coordinates as degrees would give wrong places silently).
/// </summary>
public sealed class SetSridComponent : GenericStepComponent
{
    private const long Wgs84 = 4326;

    public override string Id => "native.setsrid";
    public override string Title => "Set SRID";
    public override ComponentCategory Category => ComponentCategory.GeographicTools;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo"), new("srid", ParameterKind.Integer)];
    public override GenericStepForm Form { get; } = new("setsrid", ["geo", "srid"]);
    public override ComponentDoc Doc { get; } = new("`setsrid geo, 4326`", "nothing: geographies are SRID 4326 (another SRID is CWF2300)", "the input");

    public override void Build(ComponentLoweringContext cx)
    {
        var v = cx.Values;
        int source = cx.Input("source");
        if ((v.Column("geo"), v.Integer("srid")) is not ({ } geo, { } srid) || v.Failed || cx.ResolveGeography(source, geo) is null) return;
        if (srid is Literal { Value: long value } && value != Wgs84)
        {
            cx.Diagnostics.Report(DiagnosticCodes.UnsupportedSrid, v.LocationOf("srid"),
                $"SRID {value} is not supported: cwf's geographies are WGS84 longitude/latitude (SRID 4326)",
                "transform the data to EPSG:4326 where it is loaded, or remove the Set SRID step if the coordinates are longitude/latitude already");
            return;
        }
        if (srid is not Literal)
        {
            cx.Diagnostics.Report(DiagnosticCodes.UnsupportedSrid, v.LocationOf("srid"),
                "the SRID must be the number 4326, not a parameter: cwf's geographies are WGS84 longitude/latitude",
                "write 4326");
            return;
        }
        cx.Output("result", source);
    }
}
