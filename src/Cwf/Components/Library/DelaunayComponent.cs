using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.delaunay</c>: the Delaunay triangles (or edges) of the table's points; <c>delaunay geo [{ returnlines: true }] [as name]</c>.</summary>
public sealed class DelaunayComponent : TessellationComponent
{
    public override string Id => "native.delaunay";
    public override string Title => "Delaunay polygons";
    public override GenericStepForm Form { get; } = new("delaunay", ["geo"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = new(
        "`delaunay geo [{ returnlines: true }] [as name]`",
        "`Aggregate` without keys of `st_collect(geo)`, then `Explode` (delaunay triangles, or lines) into `geom`",
        "`geom` (geography): one row per Delaunay triangle (polygon) or edge (line)");
    protected override ExplodeKind Kind(bool lines) => lines ? ExplodeKind.DelaunayLines : ExplodeKind.DelaunayTriangles;
}
