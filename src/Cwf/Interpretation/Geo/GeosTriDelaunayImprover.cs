using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate.Tri;

namespace Cwf.Interpretation.Geo;

/// <summary>
/// GEOS 3.11's TriDelaunayImprover: flips the shared edge of two adjacent triangles whose quadrilateral is convex
/// where one's opposite vertex lies in the other's circumcircle, scanning the triangles in order until a scan
/// flips nothing (at most 200 scans). NetTopologySuite 2.6's is the same algorithm but internal, and tests the
/// circle in double precision where GEOS uses the x87's extended precision (<see cref="ExtendedFloat"/>).
/// </summary>
internal static class GeosTriDelaunayImprover
{
    private const int MaxScans = 200;

    public static void Improve(List<Tri> tris)
    {
        for (var i = 0; i < MaxScans; i++)
        {
            // Near-cocircular points can flip back and forth until the last scan, in GEOS too.
            if (Scan(tris) == 0) return;
        }
    }

    /// <summary>One scan (GEOS leaves out the last triangle); the number of flips.</summary>
    private static int Scan(List<Tri> tris)
    {
        var flips = 0;
        for (var i = 0; i < tris.Count - 1; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                if (ImproveNonDelaunay(tris[i], j)) flips++;
            }
        }
        return flips;
    }

    private static bool ImproveNonDelaunay(Tri tri, int index)
    {
        if (tri.GetAdjacent(index) is not { } neighbour) return false;
        var adj0 = tri.GetCoordinate(index);
        var adj1 = tri.GetCoordinate(Tri.Next(index));
        var opp0 = tri.GetCoordinate(Tri.OppVertex(index));
        var opp1 = neighbour.GetCoordinate(Tri.OppVertex(neighbour.GetIndex(tri)));
        // The new edge opp0-opp1 must lie inside the quadrilateral.
        if (Orientation.Index(opp0, adj0, opp1) != Orientation.Index(opp1, adj1, opp0)) return false;
        if (!IsInCircle(adj0, opp0, adj1, opp1) && !IsInCircle(adj1, opp1, adj0, opp0)) return false;
        tri.Flip(index);
        return true;
    }

    /// <summary>
    /// GEOS's TrianglePredicate::isInCircleNormalized: whether p lies in the circle through a, b, c (counter-clockwise),
    /// in extended precision. In double precision first: where the determinant is further from zero than a bound on
    /// the rounding errors of both precisions (Shewchuk's incircle bound, 10ε times the permanent, taken ten times),
    /// its sign is the exact one and so extended precision's; only near-cocircular points need the slow arithmetic.
    /// </summary>
    private static bool IsInCircle(Coordinate a, Coordinate b, Coordinate c, Coordinate p)
    {
        double adx = a.X - p.X, ady = a.Y - p.Y, bdx = b.X - p.X, bdy = b.Y - p.Y, cdx = c.X - p.X, cdy = c.Y - p.Y;
        double alift = adx * adx + ady * ady, blift = bdx * bdx + bdy * bdy, clift = cdx * cdx + cdy * cdy;
        double bdxcdy = bdx * cdy, cdxbdy = cdx * bdy, cdxady = cdx * ady, adxcdy = adx * cdy, adxbdy = adx * bdy, bdxady = bdx * ady;
        var determinant = alift * (bdxcdy - cdxbdy) + blift * (cdxady - adxcdy) + clift * (adxbdy - bdxady);
        var permanent = (Math.Abs(bdxcdy) + Math.Abs(cdxbdy)) * alift + (Math.Abs(cdxady) + Math.Abs(adxcdy)) * blift + (Math.Abs(adxbdy) + Math.Abs(bdxady)) * clift;
        var bound = 1e-14 * permanent;
        if (determinant > bound) return true;
        if (determinant < -bound) return false;
        return IsInCircleExtended(a, b, c, p);
    }

    private static bool IsInCircleExtended(Coordinate a, Coordinate b, Coordinate c, Coordinate p)
    {
        var adx = ExtendedFloat.Subtract(a.X, p.X);
        var ady = ExtendedFloat.Subtract(a.Y, p.Y);
        var bdx = ExtendedFloat.Subtract(b.X, p.X);
        var bdy = ExtendedFloat.Subtract(b.Y, p.Y);
        var cdx = ExtendedFloat.Subtract(c.X, p.X);
        var cdy = ExtendedFloat.Subtract(c.Y, p.Y);

        var bdxcdy = bdx * cdy;
        var cdxbdy = cdx * bdy;
        var alift = adx * adx + ady * ady;
        var cdxady = cdx * ady;
        var adxcdy = adx * cdy;
        var blift = bdx * bdx + bdy * bdy;
        var adxbdy = adx * bdy;
        var bdxady = bdx * ady;
        var clift = cdx * cdx + cdy * cdy;
        return alift * bdxcdy + blift * cdxady + clift * adxbdy > alift * cdxbdy + blift * adxcdy + clift * bdxady;
    }
}
