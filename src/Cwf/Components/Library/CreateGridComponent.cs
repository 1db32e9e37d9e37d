using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.creategrid</c>: a grid of points every <c>interval</c> degrees over the bounding box of the whole
/// table's geographies, one row per point in <c>geo</c> (the manual's column; the square cells in meters
/// are not what the product computes). <c>creategrid geo, 0.5 [as name]</c>.
/// </summary>
public sealed class CreateGridComponent : GenericStepComponent
{
    public override string Id => "native.creategrid";
    public override string Title => "Create grid";
    public override ComponentCategory Category => ComponentCategory.GeographicTools;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo"), new("interval", ParameterKind.Number)];
    public override GenericStepForm Form { get; } = new("creategrid", ["geo", "interval"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = new(
        "`creategrid geo, 0.5 [as name]`",
        "`Aggregate` without keys of `st_extent(geo)`, then `Explode` (parts of `st_gridpoints(extent, interval)`) into `geo`",
        "`geo` (geography): one row per grid point, from the south-west corner of the extent every `interval` degrees");

    public override void Build(ComponentLoweringContext cx)
    {
        var v = cx.Values;
        int source = cx.Input("source");
        if ((v.Column("geo"), v.Number("interval")) is not ({ } geo, { } interval) || cx.ResolveGeography(source, geo) is not { } g || v.Failed) return;
        string name = cx.OutputName ?? "geo";
        var extent = cx.Builder.Aggregate(source, [], [new AggregateCall(name, AggregateFunction.Extent, ExprFactory.Column(g))], cx.Step.Name + "_extent", cx.Step.Origin);
        var points = ExprFactory.Call(Functions.GridPoints, ExprFactory.Column(extent.Schema.Find(name)!), interval);
        cx.Output("result", cx.Builder.Explode(extent.Id, points, name, ExplodeKind.GeometryParts, cx.Step.Name, cx.Step.Origin).Id);
    }
}
