using Cwf.Interpretation.Geo;
using NetTopologySuite.Geometries;

namespace Cwf.Interpretation.H3;

/// <summary>
/// A cell's boundary as a lon/lat polygon (closed, counter-clockwise as H3 gives it). A cell
/// that crosses the antimeridian becomes a multipolygon split at ±180°, so that planar
/// predicates on lon/lat see the right shape. Cells that contain a pole are returned as H3
/// draws them (their lon/lat ring does not enclose the pole).
/// </summary>
internal static class H3Boundary
{
    /// <summary>The polygon of a hex cell id; null when the text is not a valid cell.</summary>
    public static Geometry? Polygon(string cellText)
    {
        if (!H3Index.TryParse(cellText, out var cell)) return null;
        return Polygon(cell);
    }

    /// <summary>The polygon of a valid cell.</summary>
    public static Geometry Polygon(ulong cell)
    {
        var boundary = H3Index.Boundary(cell)!;
        var lngs = boundary.Select(p => p.Lng).ToArray();
        bool crossesAntimeridian = lngs.Max() - lngs.Min() > 180;
        var ring = new Coordinate[boundary.Count + 1];
        for (int i = 0; i < boundary.Count; i++)
        {
            double lng = boundary[i].Lng;
            if (crossesAntimeridian && lng < 0) lng += 360;
            ring[i] = new Coordinate(lng, boundary[i].Lat);
        }
        ring[^1] = ring[0].Copy();
        var factory = Geography.Factory;
        var polygon = factory.CreatePolygon(ring);
        if (!crossesAntimeridian) return polygon;

        var east = polygon.Intersection(Box(factory, -180, 180));
        var west = polygon.Intersection(Box(factory, 180, 540));
        west.Apply(new ShiftLongitude(-360));
        west.GeometryChanged();
        var parts = new[] { east, west }.SelectMany(Polygons).ToArray();
        return factory.CreateMultiPolygon(parts);
    }

    private static Polygon Box(GeometryFactory factory, double minLng, double maxLng) =>
        factory.CreatePolygon([new(minLng, -90), new(maxLng, -90), new(maxLng, 90), new(minLng, 90), new(minLng, -90)]);

    private static IEnumerable<Polygon> Polygons(Geometry g) => Geography.Components(g).OfType<Polygon>().Where(p => !p.IsEmpty);

    private sealed class ShiftLongitude(double delta) : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;
        public void Filter(CoordinateSequence seq, int i) => seq.SetX(i, seq.GetX(i) + delta);
    }
}
