using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.clipwithpolygons</c>: each source row whose geography meets the union of the polygons' geographies,
/// that geography replaced by its intersection with the union; <c>clipwithpolygons polygons, geo, polygons_geo</c>.
/// </summary>
public sealed class ClipWithPolygonsComponent : GenericStepComponent
{
    /// <summary>The union of the polygons, a column of the join that never reaches the output.</summary>
    private const string MaskColumn = "cwf_clip_mask";

    public override string Id => "native.clipwithpolygons";
    public override string Title => "Clip with polygons";
    public override ComponentCategory Category => ComponentCategory.SpatialOperations;
    public override Seq<ComponentPort> Inputs { get; } = [ComponentPort.Source, new("polygons")];
    public override Seq<ComponentParameter> Parameters { get; } =
        [ComponentParameter.Column("source_geo"), ComponentParameter.Column("polygons_geo", "polygons")];
    public override GenericStepForm Form { get; } = new("clipwithpolygons", ["polygons", "source_geo", "polygons_geo"]);
    public override ComponentDoc Doc { get; } = new(
        "`clipwithpolygons polygons, geo, polygons_geo`",
        "`Aggregate` `st_union_agg(polygons_geo)`, inner `Join` on `st_intersects`, `Project` `st_intersection(geo, union)` in place",
        "input (rows that meet the polygons), `geo` clipped");

    public override void Build(ComponentLoweringContext cx)
    {
        var v = cx.Values;
        int source = cx.Input("source"), polygons = cx.Input("polygons");
        if ((v.Column("source_geo"), v.Column("polygons_geo")) is not ({ } sourceGeo, { } polygonsGeo) || v.Failed) return;
        if (!cx.RequireKnownColumns(source, cx.Step, "clipping with polygons")) return;
        if ((cx.ResolveGeography(source, sourceGeo), cx.ResolveGeography(polygons, polygonsGeo)) is not ({ } geo, { } mask)) return;

        var step = cx.Step;
        var schema = cx.Builder.SchemaOf(source);
        var maskName = MaskColumn;
        while (schema.Contains(maskName)) maskName += "_";
        var union = cx.Builder.Aggregate(polygons, [], [new AggregateCall(maskName, AggregateFunction.Union, ExprFactory.Column(mask))], step.Name, step.Origin);
        var maskRef = ExprFactory.Column(cx.Builder.SchemaOf(union.Id)[0], input: 1);
        // Inner, so a warehouse that plans spatial joins can index the one mask row.
        var joined = cx.Builder.Join(source, union.Id, JoinKind.Inner, ExprFactory.Call(Functions.Intersects, ExprFactory.Column(geo), maskRef),
            [.. schema.Columns.Select(c => new JoinOutput(0, c.Name, c.Name)), new JoinOutput(1, maskName, maskName)], step.Name, step.Origin);
        var joinedSchema = cx.Builder.SchemaOf(joined.Id);
        var clipped = ExprFactory.Call(Functions.Intersection, ExprFactory.Column(joinedSchema.Find(geo.Name)!), ExprFactory.Column(joinedSchema.Find(maskName)!));
        var columns = schema.Columns.Select(c => c == geo ? new NamedExpr(c.Name, clipped) : LoweringContext.PassThrough(joinedSchema.Find(c.Name)!));
        cx.Output("result", cx.Builder.Project(joined.Id, columns, step.Name, step.Origin).Id);
    }
}
