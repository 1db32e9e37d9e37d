using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace Cwf.Interpretation.Geo;

/// <summary>Random points in polygons (native.generatepoints), repeatable for a seed.</summary>
internal static partial class Geography
{
    /// <summary>Draws per point before giving up on a sliver whose box it hardly fills.</summary>
    private const int DrawsPerPoint = 10_000;

    /// <summary>
    /// Random points inside a polygon, from a generator seeded by <paramref name="seed"/>: the same points for
    /// the same polygon, count and seed. As PostGIS's ST_GeneratePoints, a multipolygon gives each part its
    /// share of <paramref name="count"/> by planar area, rounded half away from zero (so the total may be one
    /// off). NULL, as PostGIS's guarded call, for anything but a non-empty (multi)polygon of some area or a
    /// count below 1.
    /// </summary>
    public static Geometry? GeneratePoints(Geometry g, long count, long seed)
    {
        if (g is not (Polygon or MultiPolygon) || g.IsEmpty || g.Area <= 0 || count < 1 || count > int.MaxValue) return null;
        var random = new Random(unchecked((int)seed));
        var points = new List<Point>();
        double total = g.Area;
        for (int i = 0; i < g.NumGeometries; i++)
        {
            var part = g.GetGeometryN(i);
            long share = g is MultiPolygon ? (long)Math.Round(count * part.Area / total, MidpointRounding.AwayFromZero) : count;
            if (share > 0 && part.Area > 0) Draw(part, share, random, points);
        }
        return Factory.CreateMultiPoint([.. points]);
    }

    /// <summary>
    /// <paramref name="count"/> points drawn uniformly in the polygon's box on lon/lat and kept when inside (not
    /// on the boundary); fewer only for a sliver that fills less than 1/10,000 of its box.
    /// </summary>
    private static void Draw(Geometry polygon, long count, Random random, List<Point> points)
    {
        var box = polygon.EnvelopeInternal;
        var inside = new IndexedPointInAreaLocator(polygon);
        long kept = 0;
        for (long draws = 0; kept < count && draws < count * DrawsPerPoint; draws++)
        {
            var c = new Coordinate(box.MinX + random.NextDouble() * box.Width, box.MinY + random.NextDouble() * box.Height);
            if (inside.Locate(c) != Location.Interior) continue;
            points.Add(Factory.CreatePoint(c));
            kept++;
        }
    }
}
