using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.pointstatsinpolygons</c>: the polygons with <c>count</c> and the sum, average, minimum and maximum
/// of a column of the points that intersect each; <c>pointstatsinpolygons points, points_geo, polygons_geo,
/// points_column, polygons_id [as name]</c> on the polygons.
/// </summary>
public sealed class PointStatsInPolygonsComponent : GenericStepComponent
{
    public override string Id => "native.pointstatsinpolygons";
    public override string Title => "Point stats in polygons";
    public override ComponentCategory Category => ComponentCategory.GeographicTools;
    public override Seq<ComponentPort> Inputs { get; } = [new("polygons"), new("points")];
    public override Seq<ComponentParameter> Parameters { get; } =
    [
        ComponentParameter.Column("points_geo", "points"), ComponentParameter.Column("polygons_geo", "polygons"),
        ComponentParameter.Column("points_column", "points"), ComponentParameter.Column("polygons_id", "polygons"),
    ];
    public override GenericStepForm Form { get; } = new("pointstatsinpolygons", ["points", "points_geo", "polygons_geo", "points_column", "polygons_id"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = new(
        "`pointstatsinpolygons points, geo, geo, value, id [as name]`",
        "inner `Join` on `st_intersects`, `Aggregate` by id, left `Join` back on id",
        "polygons + `count` (0 for none), `<value>_sum`, `_avg`, `_min`, `_max` (NULL for none)");

    public override void Build(ComponentLoweringContext cx) =>
        cx.Output("result", ComponentLowering.PointsInPolygons(cx, statistic: "points_column"));
}
