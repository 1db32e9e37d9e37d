using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.countpointsinpolygons</c>: the polygons with <c>count</c>, how many points intersect each (0 for
/// none); <c>countpointsinpolygons points, points_geo, polygons_geo, polygons_id [as name]</c> on the polygons.
/// </summary>
public sealed class CountPointsInPolygonsComponent : GenericStepComponent
{
    public override string Id => "native.countpointsinpolygons";
    public override string Title => "Count points in polygons";
    public override ComponentCategory Category => ComponentCategory.SpatialAnalysis;
    public override Seq<ComponentPort> Inputs { get; } = [new("polygons"), new("points")];
    public override Seq<ComponentParameter> Parameters { get; } =
        [ComponentParameter.Column("points_geo", "points"), ComponentParameter.Column("polygons_geo", "polygons"), ComponentParameter.Column("polygons_id", "polygons")];
    public override GenericStepForm Form { get; } = new("countpointsinpolygons", ["points", "points_geo", "polygons_geo", "polygons_id"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = new(
        "`countpointsinpolygons points, geo, geo, id [as name]`",
        "inner `Join` on `st_intersects`, `Aggregate` by id, left `Join` back on id",
        "polygons + `count` (int64, 0 for none)");

    public override void Build(ComponentLoweringContext cx) =>
        cx.Output("result", ComponentLowering.PointsInPolygons(cx, statistic: null));
}

public static partial class ComponentLowering
{
    /// <summary>
    /// Points in polygons as the planner's indexed spatial join: the points joined to the polygons they
    /// intersect (inner, so PostGIS indexes the polygons), grouped by the polygons' identifier, and the
    /// polygons left-joined to the groups on it, so a polygon without points keeps count 0 and NULL statistics.
    /// Polygons sharing an identifier each get the statistics of all of them; a NULL identifier never matches.
    /// </summary>
    public static int? PointsInPolygons(ComponentLoweringContext cx, string? statistic)
    {
        var v = cx.Values;
        int polygons = cx.Input("polygons"), points = cx.Input("points");
        var (pointGeo, polygonGeo, id) = (v.Column("points_geo"), v.Column("polygons_geo"), v.Column("polygons_id"));
        var statColumn = statistic is null ? null : v.Column(statistic);
        if (pointGeo is null || polygonGeo is null || id is null || (statistic is not null && statColumn is null) || v.Failed) return null;
        if (!cx.RequireKnownColumns(polygons, cx.Step, "counting points in polygons")) return null;
        var point = cx.ResolveGeography(points, pointGeo);
        var polygon = cx.ResolveGeography(polygons, polygonGeo);
        var key = cx.Resolve(polygons, id);
        var value = statColumn is null ? null : cx.ResolveNumeric(points, statColumn);
        if (point is null || polygon is null || key is null || (statColumn is not null && value is null)) return null;
        if (key.Type == SqlType.Geography)
        {
            cx.Diagnostics.Report(Diagnostics.DiagnosticCodes.NotComparable, id.Location,
                $"the identifier column '{key.Name}' is a geography, which cannot be grouped", "choose a column that identifies each polygon (a number or a name)");
            return null;
        }

        var step = cx.Step;
        const string valueName = "cwf_value";
        Seq<JoinOutput> matchOutputs = value is null ? [new(1, key.Name, key.Name)] : [new(1, key.Name, key.Name), new(0, value.Name, valueName)];
        var inside = cx.Builder.Join(points, polygons, JoinKind.Inner,
            ExprFactory.Call(Functions.Intersects, ExprFactory.Column(point, 0), ExprFactory.Column(polygon, 1)), matchOutputs, step.Name, step.Origin);

        string count = cx.OutputName ?? "count";
        var keyRef = ExprFactory.Column(cx.Builder.SchemaOf(inside.Id).Find(key.Name)!);
        var aggregates = new List<AggregateCall> { new(count, AggregateFunction.CountAll, null) };
        if (value is not null)
        {
            var v0 = ExprFactory.Column(cx.Builder.SchemaOf(inside.Id).Find(valueName)!);
            aggregates.AddRange([new(value.Name + "_sum", AggregateFunction.Sum, v0), new(value.Name + "_avg", AggregateFunction.Avg, v0),
                new(value.Name + "_min", AggregateFunction.Min, v0), new(value.Name + "_max", AggregateFunction.Max, v0)]);
        }
        if (!cx.CheckUniqueNames(aggregates.Select(a => (a.Name, step.Origin)))) return null;
        var groups = cx.Builder.Aggregate(inside.Id, [new NamedExpr(key.Name, keyRef)], aggregates, step.Name, step.Origin);

        var polygonSchema = cx.Builder.SchemaOf(polygons);
        var added = aggregates.Select(a => a.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var replaced in polygonSchema.Columns.Where(c => added.Contains(c.Name)))
            cx.Diagnostics.Report(Diagnostics.DiagnosticCodes.ColumnReplaced, step.Origin,
                $"the new column '{aggregates.First(a => string.Equals(a.Name, replaced.Name, StringComparison.OrdinalIgnoreCase)).Name}' replaces the polygons' column '{replaced.Name}'",
                "rename one of them to keep both");
        var kept = polygonSchema.Columns.Where(c => !added.Contains(c.Name)).ToList();
        var joined = cx.Builder.Join(polygons, groups.Id, JoinKind.Left,
            ExprFactory.Eq(ExprFactory.Column(key, 0), ExprFactory.Column(cx.Builder.SchemaOf(groups.Id).Find(key.Name)!, 1)),
            [.. kept.Select(c => new JoinOutput(0, c.Name, c.Name)), .. aggregates.Select(a => new JoinOutput(1, a.Name, a.Name))],
            step.Name, step.Origin);

        var schema = cx.Builder.SchemaOf(joined.Id);
        var columns = schema.Columns.Select(c => string.Equals(c.Name, count, StringComparison.OrdinalIgnoreCase)
            ? new NamedExpr(c.Name, ExprFactory.Call(Functions.Coalesce, ExprFactory.Column(c), Literal.Int(0)))
            : LoweringContext.PassThrough(c));
        return cx.Builder.Project(joined.Id, columns, step.Name, step.Origin).Id;
    }
}
