using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.voronoi</c>: the Voronoi cells (or edges) of the table's points; <c>voronoi geo [{ returnlines: true }] [as name]</c>.</summary>
public sealed class VoronoiComponent : TessellationComponent
{
    public override string Id => "native.voronoi";
    public override string Title => "Voronoi polygons";
    public override GenericStepForm Form { get; } = new("voronoi", ["geo"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = new(
        "`voronoi geo [{ returnlines: true }] [as name]`",
        "`Aggregate` without keys of `st_collect(geo)`, then `Explode` (voronoi polygons, or lines) into `geom`",
        "`geom` (geography): one row per Voronoi cell (polygon) or edge (line)");
    protected override ExplodeKind Kind(bool lines) => lines ? ExplodeKind.VoronoiLines : ExplodeKind.VoronoiPolygons;
}
