using System.Globalization;
using Cwf.Emit;
using Cwf.Interpretation.Geo;
using Xunit.Abstractions;

namespace Cwf.Tests.Equivalence;

/// <summary>
/// What each warehouse measures on, against the interpreter's WGS84 ellipsoid (GeographicLib), and
/// the per-dialect tolerances that follow (<see cref="DialectTolerances"/>, spec/equivalence.md
/// "Tolerances per dialect"). The sphere of BigQuery, Snowflake and Trino is measured over a grid
/// of latitudes, directions and sizes with the formulas of a sphere (great-circle distance; the
/// exact area of a polygon with great-circle edges); the ellipsoid warehouses are checked against
/// the values their documentation prints.
/// </summary>
public sealed class SphereAndEllipsoidTests(ITestOutputHelper output)
{
    private static readonly Geodesic Wgs84 = Geodesic.Wgs84;
    private static readonly double[] Lengths = [1e3, 1e4, 1e5, 1e6, 5e6];
    private static readonly double[] CellSizes = [0.01, 0.1, 1, 5];
    private static readonly int[] Reported = [0, 30, 45, 60, 70, 80, 89];

    private static double Radians(double degrees) => degrees * Math.PI / 180;

    /// <summary>The great-circle distance on a sphere of radius <paramref name="r"/> (haversine).</summary>
    private static double SphereDistance(double r, double lon1, double lat1, double lon2, double lat2)
    {
        double h = Math.Pow(Math.Sin(Radians(lat2 - lat1) / 2), 2) +
                   Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Pow(Math.Sin(Radians(lon2 - lon1) / 2), 2);
        return 2 * r * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>
    /// The area of a ring with great-circle edges on a sphere of radius <paramref name="r"/>: the sum
    /// over its edges of the signed area between the edge and the equator, E = 2 atan(tan(Δλ/2)
    /// (tan(φ1/2) + tan(φ2/2)) / (1 + tan(φ1/2) tan(φ2/2))).
    /// </summary>
    private static double SphereArea(double r, IReadOnlyList<(double Lon, double Lat)> ring)
    {
        double excess = 0;
        for (int i = 1; i < ring.Count; i++)
        {
            double t1 = Math.Tan(Radians(ring[i - 1].Lat) / 2), t2 = Math.Tan(Radians(ring[i].Lat) / 2);
            excess += 2 * Math.Atan(Math.Tan(Radians(ring[i].Lon - ring[i - 1].Lon) / 2) * (t1 + t2) / (1 + t1 * t2));
        }
        return Math.Abs(excess) * r * r;
    }

    private static (double Lon, double Lat)[] Cell(double lat, double size) =>
        [(0, lat), (size, lat), (size, lat + size), (0, lat + size), (0, lat)];

    private sealed record Worst(double Relative, string Where)
    {
        public static Worst None { get; } = new(0, "");

        public Worst Max(double relative, string where) => Math.Abs(relative) > Math.Abs(Relative) ? new(relative, where) : this;
    }

    /// <summary>The worst relative difference of sphere distances from ellipsoid distances, over starting latitudes, directions and lengths.</summary>
    private static Worst DistanceDifference(double r, Func<double, bool> latitudes)
    {
        var worst = Worst.None;
        for (int lat = -89; lat <= 89; lat++)
        {
            if (!latitudes(lat)) continue;
            for (int azimuth = 0; azimuth <= 180; azimuth += 15)
                foreach (var s in Lengths)
                {
                    var (lat2, lon2) = Wgs84.Direct(lat, 0, azimuth, s);
                    double relative = SphereDistance(r, 0, lat, lon2, lat2) / s - 1;
                    worst = worst.Max(relative, string.Create(CultureInfo.InvariantCulture, $"{s / 1000:0} km from {lat}° at azimuth {azimuth}°"));
                }
        }
        return worst;
    }

    /// <summary>The worst relative difference of sphere areas from ellipsoid areas, over cells of several sizes at each latitude.</summary>
    private static Worst AreaDifference(double r, Func<double, bool> latitudes)
    {
        var worst = Worst.None;
        foreach (var size in CellSizes)
            for (int lat = -89; lat + size <= 89.999; lat++)
            {
                if (!latitudes(lat)) continue;
                var cell = Cell(lat, size);
                double relative = SphereArea(r, cell) / Math.Abs(GeodesicPolygonArea.SignedArea(Wgs84, cell)) - 1;
                worst = worst.Max(relative, string.Create(CultureInfo.InvariantCulture, $"{size}°×{size}° cell at {lat}°"));
            }
        return worst;
    }

    [Fact]
    public void The_sphere_formulas_are_exact_on_known_figures()
    {
        // An octant of the sphere, and a quarter of the equator.
        Assert.Equal(Math.PI / 2, SphereArea(1, [(0, 0), (90, 0), (0, 90), (0, 0)]), 1e-12);
        Assert.Equal(Math.PI / 2, SphereDistance(1, 0, 0, 90, 0), 1e-12);
    }

    [Fact]
    public void The_sphere_tolerance_is_the_measured_worst_difference()
    {
        var distance = DistanceDifference(DialectTolerances.S2EarthRadius, _ => true);
        var area = AreaDifference(DialectTolerances.S2EarthRadius, _ => true);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sphere of {DialectTolerances.S2EarthRadius:0} m against WGS84: distances worst {distance.Relative:P3} ({distance.Where}), areas worst {area.Relative:P3} ({area.Where})"));
        foreach (var lat in Reported)
        {
            var d = DistanceDifference(DialectTolerances.S2EarthRadius, l => Math.Abs(l) == lat);
            var a = AreaDifference(DialectTolerances.S2EarthRadius, l => l == lat);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  from {lat,2}°: distances {d.Relative,8:P3} ({d.Where}); areas {a.Relative,8:P3} ({a.Where})"));
        }
        var sphere = DialectTolerances.Sphere;
        // The row states the measured figure, rounded up: neither looser nor tighter than the sphere is.
        Assert.InRange(Math.Abs(distance.Relative), 0.95 * sphere.Distance, sphere.Distance);
        Assert.InRange(Math.Abs(area.Relative), 0.95 * sphere.Area, sphere.Area);
        // Beyond the 0.5% the contract promised for one number.
        Assert.True(Math.Abs(distance.Relative) > 0.005 && Math.Abs(area.Relative) > 0.005);
    }

    [Theory]
    [InlineData("bigquery")]
    [InlineData("snowflake")]
    [InlineData("trino")]
    public void The_warehouses_measuring_on_a_sphere_have_the_sphere_tolerance(string dialect) =>
        Assert.Same(DialectTolerances.Sphere, DialectTolerances.For(Dialects.Find(dialect)!));

    /// <summary>
    /// The warehouses' own printed values: Snowflake's ST_DISTANCE example (1° along the equator,
    /// docs.snowflake.com st_distance) and a published BigQuery ST_DISTANCE result (DevelopersIO,
    /// "BigQuery GIS" measurement functions, 2020) are the sphere of 6,371,010 m to 1e-12; they are
    /// 0.1% and 0.2% from the ellipsoid.
    /// </summary>
    [Theory]
    [InlineData("snowflake", 0.0, 0.0, 1.0, 0.0, 111195.10117748393)]
    [InlineData("bigquery", 139.7454316, 35.658584, 139.8108103, 35.7100069, 8219.632821167155)]
    public void Documented_sphere_values_are_the_sphere_of_the_table(string dialect, double lon1, double lat1, double lon2, double lat2, double documented)
    {
        Assert.Equal(1, SphereDistance(DialectTolerances.S2EarthRadius, lon1, lat1, lon2, lat2) / documented, 1e-12);
        double ellipsoid = Geography.Distance(Geography.Point(lon1, lat1), Geography.Point(lon2, lat2))!.Value;
        Assert.InRange(Math.Abs(documented / ellipsoid - 1), 1e-4, DialectTolerances.For(Dialects.Find(dialect)!).Distance);
    }

    /// <summary>
    /// The ellipsoid warehouses' printed values against the interpreter: Redshift's ST_Distance of
    /// two GEOGRAPHY points and ST_Area of a GEOGRAPHY polygon (docs.aws.amazon.com, ST_Distance and
    /// ST_Area), Databricks' st_distancespheroid (docs.databricks.com). Each is within its dialect's
    /// tolerance; Redshift's ST_DistanceSphere on its mean-radius sphere would not be.
    /// </summary>
    [Fact]
    public void Documented_ellipsoid_values_agree_with_the_interpreter()
    {
        var redshift = DialectTolerances.For(Dialects.Find("redshift")!);
        double gate = Geography.Distance(Geography.Point(13.37761826722198, 52.516411678282445), Geography.Point(13.377950831464005, 52.51705102546893))!.Value;
        Assert.InRange(Math.Abs(74.64129172609631 / gate - 1), 0, redshift.Distance);
        double sphere = SphereDistance(6_371_008.8, 13.37761826722198, 52.516411678282445, 13.377950831464005, 52.51705102546893);
        Assert.True(Math.Abs(sphere / gate - 1) > 10 * redshift.Distance, $"the sphere gives {sphere}");

        var triangle = Wkt.TryRead("POLYGON((34 35, 28 30, 25 34, 34 35))", out _)!;
        Assert.InRange(Math.Abs(201824655743.383 / Geography.Area(triangle) - 1), 0, redshift.Area);

        var databricks = DialectTolerances.For(Dialects.Find("databricks")!);
        double spheroid = Geography.Distance(Geography.Point(2, 3), Geography.Point(6, 7))!.Value;
        Assert.InRange(Math.Abs(626380.599 / spheroid - 1), 0, databricks.Distance);
    }

    [Fact]
    public void Every_row_names_a_registered_dialect_and_others_get_the_default()
    {
        var names = Dialects.All.Select(d => d.Name).ToHashSet();
        Assert.All(DialectTolerances.Measured, name => Assert.Contains(name, names));
        Assert.All(Dialects.All.Where(d => !DialectTolerances.Measured.Contains(d.Name)),
            d => Assert.Same(DialectTolerances.Default, DialectTolerances.For(d)));
        Assert.True(DialectTolerances.For(Dialects.Find("postgres")!).MetricExact);
    }
}
