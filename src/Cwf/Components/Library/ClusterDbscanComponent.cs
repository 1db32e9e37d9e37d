using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.clusterdbscan</c>: adds <c>cluster</c>, the row's DBSCAN cluster (0-based, NULL for noise) over the
/// whole input; <c>clusterdbscan geo, radius_m, min_geog [as name]</c>.
/// </summary>
public sealed class ClusterDbscanComponent : GenericStepComponent
{
    public override string Id => "native.clusterdbscan";
    public override string Title => "DBSCAN clustering";
    public override ComponentCategory Category => ComponentCategory.SpatialAnalysis;
    public override Seq<ComponentParameter> Parameters { get; } =
        [ComponentParameter.Column("geo"), new("radius", ParameterKind.Number), new("min_geog", ParameterKind.Integer)];
    public override GenericStepForm Form { get; } = new("clusterdbscan", ["geo", "radius", "min_geog"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = new(
        "`clusterdbscan geo, 100, 5 [as name]` (radius in meters)",
        "`Window` adding `cluster` = `cluster_dbscan(geo, meters, min_geog) over ()`",
        "input + `cluster` (int64, NULL for noise)");

    public override void Build(ComponentLoweringContext cx)
    {
        var v = cx.Values;
        if ((v.Column("geo"), v.Number("radius"), v.Integer("min_geog")) is not ({ } geo, { } radius, { } minimum) || v.Failed) return;
        var meters = ComponentLowering.ClusteringConstant(cx, "radius", radius, 0, "the search radius", "a number of meters, at least 0");
        var points = ComponentLowering.ClusteringConstant(cx, "min_geog", minimum, 0, "the minimum number of geographies", "a whole number, at least 0");
        if (meters is null || points is null) return;
        // A core point counts itself, so 0 and 1 both make every geography a cluster (PostGIS and BigQuery agree).
        var floor = Literal.Int(Math.Max(1L, (long)points.Value!));
        cx.Output("result", ComponentLowering.Cluster(cx, geo, WindowFunction.ClusterDbscan, [Literal.Float(Convert.ToDouble(meters.Value, System.Globalization.CultureInfo.InvariantCulture)), floor]));
    }
}
