using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.quadbinfrompoint</c>: adds <c>quadbin</c>, the tile (int64 cell) of a point at a resolution 0-26; <c>quadbin geo, 12 [as name]</c>.</summary>
public sealed class QuadbinFromPointComponent : GenericStepComponent
{
    public override string Id => "native.quadbinfrompoint";
    public override string Title => "Quadbin from point";
    public override ComponentCategory Category => ComponentCategory.SpatialIndexes;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("pointscol"), new("resolution", ParameterKind.Integer)];
    public override GenericStepForm Form { get; } = new("quadbin", ["pointscol", "resolution"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = new("`quadbin geo, 12 [as name]`", "adds `quadbin` = quadbin_from_point(pointscol, resolution)", "input + `quadbin` (int64)");

    public override void Build(ComponentLoweringContext cx)
    {
        var v = cx.Values;
        int source = cx.Input("source");
        if ((v.Column("pointscol"), v.Integer("resolution")) is not ({ } point, { } resolution) || v.Failed) return;
        var g = cx.ResolveGeography(source, point);
        if (!ComponentLowering.ValidResolution(cx, resolution, v.LocationOf("resolution"), 26, DiagnosticCodes.InvalidQuadbinResolution, "Quadbin",
                "zoom 12 tiles are about 10 km wide at the equator, each zoom halves them") || g is null)
            return;
        cx.Output("result", cx.AddColumn(source, cx.OutputName ?? "quadbin", ExprFactory.Call(Functions.QuadbinFromPoint, ExprFactory.Column(g), resolution), cx.Step));
    }
}
