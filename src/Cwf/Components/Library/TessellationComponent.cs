using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// A Voronoi diagram or Delaunay triangulation of the whole table's points (issue 17): an <c>Aggregate</c>
/// without keys collects the geography column into one collection, and an <c>Explode</c> gives one row per
/// cell, triangle or edge in <c>geom</c> (or the <c>as</c> name). <c>returnlines</c> chooses the edges.
/// </summary>
public abstract class TessellationComponent : GenericStepComponent
{
    public override ComponentCategory Category => ComponentCategory.SpatialAnalysis;
    public override Seq<ComponentParameter> Parameters { get; } =
        [ComponentParameter.Column("geo"), new("returnlines", ParameterKind.Boolean, Required: false, Default: "false")];

    /// <summary>What a row holds: the polygons, or with <c>returnlines</c> the lines.</summary>
    protected abstract ExplodeKind Kind(bool lines);

    public override void Build(ComponentLoweringContext cx)
    {
        var v = cx.Values;
        int source = cx.Input("source");
        if ((v.Column("geo"), v.Boolean("returnlines")) is not ({ } geo, { } lines) || cx.ResolveGeography(source, geo) is not { } g || v.Failed) return;
        string name = cx.OutputName ?? "geom";
        var points = cx.Builder.Aggregate(source, [], [new AggregateCall(name, AggregateFunction.Collect, ExprFactory.Column(g))], cx.Step.Name + "_points", cx.Step.Origin);
        var collected = points.Schema.Find(name)!;
        cx.Output("result", cx.Builder.Explode(points.Id, ExprFactory.Column(collected), name, Kind(lines), cx.Step.Name, cx.Step.Origin).Id);
    }
}
