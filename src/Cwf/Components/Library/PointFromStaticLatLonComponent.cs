using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary><c>native.pointfromstaticlatlon</c>: one row, <c>geo</c> = the point (lon, lat); a values source in .cwf.</summary>
public sealed class PointFromStaticLatLonComponent : SourceComponent
{
    public override string Id => "native.pointfromstaticlatlon";
    public override string Title => "Point from static lat/lon";
    public override ComponentCategory Category => ComponentCategory.GeographicTools;
    public override Seq<ComponentParameter> Parameters { get; } = [new("lon", ParameterKind.Number), new("lat", ParameterKind.Number)];

    public override ComponentDoc Doc { get; } = new(
        "`source name = values { geo: geography not null } [(st_point(lon, lat))]`",
        "`Values`: one row, `st_point(lon, lat)`",
        "`geo`");

    public override void Lower(CanvasLoweringContext cx)
    {
        var v = cx.Values;
        if ((v.Number("lon"), v.Number("lat")) is not ({ } lon, { } lat) || v.Failed) return;
        if (!ComponentLowering.InRange(cx, v, "lon", lon, 180, "longitude") | !ComponentLowering.InRange(cx, v, "lat", lat, 90, "latitude")) return;
        cx.Output("result", ComponentLowering.OneGeography(cx, ExprFactory.Call(Functions.Point, lon, lat), cx.Step));
    }

    public override StatementSyntax Decompile(ComponentDecompilingContext cx) => ComponentLowering.DecompileValues(cx, "result");
}
