using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Cwf.Interpretation.Geo;

/// <summary>
/// The union of polygons as GEOS 3.11 computes it (CascadedPolygonUnion under GEOSUnaryUnion and GeometryFixer,
/// so PostGIS's ST_MakeValid and ST_UnaryUnion): the polygons in the order of the leaves of GEOS's STR tree,
/// then unioned by halves of that list, each pair by the robust OverlayNG union. NetTopologySuite 2.6 unions
/// along the nodes of its tree instead: the same shapes, but rings that start at other vertices and parts in
/// another order, which a simplification keeps (36 of the benchmark's 83 invalid countries were repaired so).
/// </summary>
internal static class GeosPolygonUnion
{
    /// <summary>GEOS's CascadedPolygonUnion builds its tree with 10 entries a node.</summary>
    private const int NodeCapacity = 10;

    /// <summary>The union of the polygons of <paramref name="geometries"/>; an empty collection when there are none.</summary>
    public static Geometry Union(IEnumerable<Geometry> geometries, GeometryFactory factory)
    {
        var polygons = new List<Polygon>();
        foreach (var g in geometries)
        {
            for (var i = 0; i < g.NumGeometries; i++)
            {
                // The tree leaves out items without an envelope, so empty polygons take no part.
                if (g.GetGeometryN(i) is Polygon { IsEmpty: false } p) polygons.Add(p);
            }
        }
        if (polygons.Count == 0) return factory.CreateGeometryCollection();
        InTreeOrder(polygons);
        return UnionByHalves(polygons);
    }

    /// <summary>
    /// The leaves of GEOS's TemplateSTRtree after it is built: sorted by the x of their envelopes' centres, cut into
    /// ⌈√⌈n/10⌉⌉ vertical slices of equal size, each sorted by the y of the centres (std::sort both times).
    /// </summary>
    private static void InTreeOrder(List<Polygon> polygons)
    {
        var n = polygons.Count;
        if (n < 2) return;
        var slices = (int)Math.Ceiling(Math.Sqrt(Math.Ceiling(n / (double)NodeCapacity)));
        var perSlice = (int)Math.Ceiling(n / (double)slices);
        StdSort.Sort(polygons, 0, n, static (a, b) => CentreX(a) < CentreX(b));
        for (var start = 0; start < n; start += perSlice)
            StdSort.Sort(polygons, start, Math.Min(start + perSlice, n), static (a, b) => CentreY(a) < CentreY(b));
    }

    // GEOS compares the sums, not the halves.
    private static double CentreX(Polygon p) => p.EnvelopeInternal.MinX + p.EnvelopeInternal.MaxX;

    private static double CentreY(Polygon p) => p.EnvelopeInternal.MinY + p.EnvelopeInternal.MaxY;

    /// <summary>
    /// GEOS's binaryUnion without its recursion: the list is halved down to pairs and single polygons, and the
    /// unions are taken bottom up, the left half's before the right half's, as the recursion takes them.
    /// </summary>
    private static Geometry UnionByHalves(List<Polygon> polygons)
    {
        var pending = new Stack<(int Start, int End, bool Split)>();
        var results = new Stack<Geometry>();
        pending.Push((0, polygons.Count, false));
        while (pending.Count > 0)
        {
            var (start, end, split) = pending.Pop();
            if (split)
            {
                var right = results.Pop();
                var left = results.Pop();
                results.Push(UnionPair(left, right));
            }
            else if (end - start == 1)
            {
                results.Push(polygons[start]);
            }
            else if (end - start == 2)
            {
                results.Push(UnionPair(polygons[start], polygons[start + 1]));
            }
            else
            {
                var mid = (start + end) / 2;
                pending.Push((start, end, true));
                pending.Push((mid, end, false));
                pending.Push((start, mid, false));
            }
        }
        // A single polygon is the input itself: GEOS hands back a copy.
        return polygons.Count == 1 ? polygons[0].Copy() : results.Pop();
    }

    /// <summary>The union of two polygonal geometries, restricted to its polygons as GEOS restricts it.</summary>
    private static Geometry UnionPair(Geometry a, Geometry b)
    {
        var union = OverlayNGRobust.Overlay(a, b, SpatialFunction.Union);
        if (union is IPolygonal) return union;
        var parts = new List<Polygon>();
        for (var i = 0; i < union.NumGeometries; i++)
        {
            if (union.GetGeometryN(i) is Polygon p) parts.Add(p);
        }
        return union.Factory.CreateMultiPolygon([.. parts]);
    }
}
