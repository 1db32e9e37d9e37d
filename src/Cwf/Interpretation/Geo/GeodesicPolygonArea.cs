namespace Cwf.Interpretation.Geo;

/// <summary>
/// The area of a ring whose edges are geodesics (GeographicLib's PolygonArea, as PostGIS uses
/// it for geography): the signed sum of the areas between each edge and the equator, with
/// crossings of the prime meridian counted so that rings around a pole come out right.
/// </summary>
internal static class GeodesicPolygonArea
{
    /// <summary>The area in square meters of a ring given as (lon, lat) degrees; counter-clockwise rings are positive. The closing vertex may be repeated or not.</summary>
    public static double SignedArea(Geodesic geod, IReadOnlyList<(double Lon, double Lat)> ring)
    {
        int n = ring.Count;
        if (n > 1 && ring[0] == ring[n - 1]) n--;
        if (n < 3) return 0;
        var area = new GeoAccumulator();
        int crossings = 0;
        for (int i = 0; i < n; i++)
        {
            var (lon1, lat1) = ring[i];
            var (lon2, lat2) = ring[(i + 1) % n];
            area.Add(geod.Inverse(lat1, lon1, lat2, lon2, withArea: true).AreaS12);
            crossings += Transit(lon1, lon2);
        }
        return Reduce(area, 4 * Math.PI * geod.C2, crossings);
    }

    private static int Transit(double lon1, double lon2)
    {
        double lon12 = GeoMath.AngDiff(lon1, lon2).D;
        lon1 = GeoMath.AngNormalize(lon1);
        lon2 = GeoMath.AngNormalize(lon2);
        return lon12 > 0 && ((lon1 < 0 && lon2 >= 0) || (lon1 > 0 && lon2 == 0)) ? 1
            : lon12 < 0 && lon1 >= 0 && lon2 < 0 ? -1 : 0;
    }

    // AreaReduceA with reverse = false, sign = true: the counter-clockwise area in (-area0/2, area0/2].
    private static double Reduce(GeoAccumulator area, double area0, int crossings)
    {
        area.Remainder(area0);
        if ((crossings & 1) != 0) area.Add((area.Sum() < 0 ? 1 : -1) * area0 / 2);
        area.Negate();
        if (area.Sum() > area0 / 2) area.Add(-area0);
        else if (area.Sum() <= -area0 / 2) area.Add(area0);
        return 0 + area.Sum();
    }
}
