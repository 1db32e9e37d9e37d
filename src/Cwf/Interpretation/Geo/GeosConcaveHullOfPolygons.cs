using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Triangulate.Tri;

namespace Cwf.Interpretation.Geo;

/// <summary>
/// GEOS 3.11's ConcaveHullOfPolygons as PostGIS 3.3's ST_ConcaveHull calls it on polygons (not tight, no holes):
/// the polygons' shells are holes in a frame around them; the frame's constrained Delaunay triangulation
/// (<see cref="GeosConstrainedTriangulation"/>) loses the frame's corner triangles, then, from the outside in,
/// every triangle whose outside edge is longer than the ratio's length; what remains is unioned with the
/// polygons. Besides the hole joiner, two details of GEOS decide which triangles go where NetTopologySuite 2.6
/// (JTS) differs: the border triangles are taken last in, first out, and a triangle keeps the outside edge it
/// was first queued with.
/// </summary>
internal sealed class GeosConcaveHullOfPolygons
{
    private const int FrameExpandFactor = 4;

    private readonly HashSet<Tri> _hull = [];
    private readonly Stack<Tri> _border = new();
    private readonly Dictionary<Tri, int> _borderEdge = [];
    private double _maxEdgeLength;

    private GeosConcaveHullOfPolygons() { }

    /// <summary>The hull of a polygon or multipolygon by maximum edge length ratio (0: the polygons, 1: the convex hull of their triangulation).</summary>
    public static Geometry ByLengthRatio(Geometry polygons, double ratio)
    {
        if (polygons is not (Polygon or MultiPolygon)) throw new ArgumentException("Input must be polygonal");
        var factory = polygons.Factory;
        if (polygons.IsEmpty) return factory.CreatePolygon();
        var frame = Frame(polygons);
        var tris = GeosConstrainedTriangulation.Triangulate(frame);
        var corners = frame.ExteriorRing.Coordinates;
        var hull = new GeosConcaveHullOfPolygons { _maxEdgeLength = TargetEdgeLength(tris, corners, ratio) };
        hull.RemoveFrameCornerTris(tris, corners);
        hull.RemoveBorderTris();

        var fill = CoverageUnion.Union(Tri.ToGeometry([.. tris.Where(hull._hull.Contains)], factory));
        if (fill.IsEmpty) return polygons.Copy();
        return CoverageUnion.Union(factory.CreateGeometryCollection([fill, polygons]));
    }

    /// <summary>The box around the polygons grown by four times its diagonal, with their shells as holes.</summary>
    private static Polygon Frame(Geometry polygons)
    {
        var factory = polygons.Factory;
        var box = polygons.EnvelopeInternal.Copy();
        box.ExpandBy(FrameExpandFactor * box.Diameter);
        var shells = new List<LinearRing>();
        for (var i = 0; i < polygons.NumGeometries; i++)
        {
            if (polygons.GetGeometryN(i) is Polygon { IsEmpty: false } p) shells.Add((LinearRing)p.ExteriorRing.Copy());
        }
        var shell = factory.CreateLinearRing(
        [
            new(box.MinX, box.MinY), new(box.MaxX, box.MinY), new(box.MaxX, box.MaxY), new(box.MinX, box.MaxY), new(box.MinX, box.MinY),
        ]);
        return factory.CreatePolygon(shell, [.. shells]);
    }

    /// <summary>The length at the ratio between the shortest and longest inner edge of the triangles off the frame's corners.</summary>
    private static double TargetEdgeLength(IList<Tri> tris, Coordinate[] corners, double ratio)
    {
        if (ratio == 0) return 0;
        double max = -1, min = -1;
        foreach (var tri in tris)
        {
            if (CornerIndex(tri, corners) >= 0) continue;
            for (var i = 0; i < 3; i++)
            {
                // Constraint edges (the polygons' and the frame's rings) do not count.
                if (!tri.HasAdjacent(i)) continue;
                var length = tri.GetLength(i);
                if (length > max) max = length;
                if (min < 0 || length < min) min = length;
            }
        }
        if (ratio == 1) return 2 * max;
        return ratio * (max - min) + min;
    }

    /// <summary>
    /// Removes the triangles at the frame's corners; each is adjacent to at most one border triangle, opposite
    /// its corner, unless that one is a corner triangle too.
    /// </summary>
    private void RemoveFrameCornerTris(IList<Tri> tris, Coordinate[] corners)
    {
        foreach (var tri in tris)
        {
            var index = CornerIndex(tri, corners);
            if (index < 0)
            {
                _hull.Add(tri);
                continue;
            }
            var opposite = Tri.OppEdge(index);
            if (tri.GetAdjacent(opposite) is { } next && CornerIndex(next, corners) < 0) AddBorderTri(tri, opposite);
            tri.Remove();
        }
    }

    private static int CornerIndex(Tri tri, Coordinate[] corners)
    {
        foreach (var corner in corners)
        {
            var index = tri.GetIndex(corner);
            if (index >= 0) return index;
        }
        return -1;
    }

    private void RemoveBorderTris()
    {
        while (_border.Count > 0)
        {
            var tri = _border.Pop();
            // A triangle is queued once for each neighbour removed and may be gone already.
            if (!_hull.Contains(tri) || !IsRemovable(tri)) continue;
            AddBorderTri(tri, 0);
            AddBorderTri(tri, 1);
            AddBorderTri(tri, 2);
            tri.Remove();
            _hull.Remove(tri);
            _borderEdge.Remove(tri);
        }
    }

    private bool IsRemovable(Tri tri) =>
        _borderEdge.TryGetValue(tri, out var edge) && tri.GetLength(edge) > _maxEdgeLength;

    /// <summary>Queues the neighbour across an edge; GEOS's std::map::insert keeps the edge it was first queued with.</summary>
    private void AddBorderTri(Tri tri, int index)
    {
        if (tri.GetAdjacent(index) is not { } next) return;
        _border.Push(next);
        _borderEdge.TryAdd(next, next.GetIndex(tri));
    }
}
