using Cwf.Interpretation.Evaluation;
using Cwf.Interpretation.Geo;
using NetTopologySuite.Geometries;

namespace Cwf.Tests.Interpretation;

/// <summary>
/// Geodesic functions against known values. The expected numbers were computed by PostGIS 3.3
/// (PostgreSQL 15) with geography on the WGS84 spheroid, e.g.
/// <c>select st_distance(st_point(2.3522,48.8566)::geography, st_point(-0.1276,51.5072)::geography)</c>.
/// </summary>
public class GeographyTests
{
    private static Geometry G(string wkt) => Wkt.TryRead(wkt, out var error) ?? throw new InvalidOperationException(error);

    private static void Near(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(actual - expected) <= relative * Math.Abs(expected), $"expected {expected} ± {relative:P4}, got {actual}");

    [Theory]
    [InlineData(2.3522, 48.8566, -0.1276, 51.5072, 343896.89126677)] // Paris - London
    [InlineData(-74.006, 40.7128, 139.6917, 35.6895, 10872799.51931687)] // New York - Tokyo
    public void Point_distances_match_PostGIS_geography(double lon1, double lat1, double lon2, double lat2, double meters) =>
        Near(meters, Geography.Distance(Geography.Point(lon1, lat1), Geography.Point(lon2, lat2))!.Value, 1e-9);

    [Fact]
    public void Nearly_antipodal_points_converge()
    {
        Near(20003931.45862545, Geography.Distance(Geography.Point(0, 90), Geography.Point(0, -90))!.Value, 1e-9);
        Near(19936288.57896531, Geography.Distance(Geography.Point(0, 0), Geography.Point(179.5, 0.5))!.Value, 1e-9);
    }

    [Fact]
    public void Area_of_a_one_degree_cell_at_the_equator_matches_PostGIS()
    {
        Near(12308778361.469454, Geography.Area(G("POLYGON((0 0,1 0,1 1,0 1,0 0))")), 1e-9);
        // Orientation does not matter.
        Near(12308778361.469454, Geography.Area(G("POLYGON((0 0,0 1,1 1,1 0,0 0))")), 1e-9);
    }

    [Fact]
    public void Holes_are_subtracted_from_areas() =>
        Near(7733222895.281998, Geography.Area(G("POLYGON((10 50,11 50,11 51,10 51,10 50),(10.2 50.2,10.4 50.2,10.4 50.4,10.2 50.2))")), 1e-9);

    [Fact]
    public void Lengths_follow_PostGIS()
    {
        Near(221893.87935107236, Geography.Length(G("LINESTRING(0 0,1 0,1 1)")), 1e-9);
        Assert.Equal(0, Geography.Length(G("POLYGON((0 0,1 0,1 1,0 0))")));
        Near(490112.93843568617, Geography.Length(G("GEOMETRYCOLLECTION(LINESTRING(0 0,1 0),POLYGON((0 0,1 0,1 1,0 0)))")), 1e-9);
        Assert.Equal(0, Geography.Area(G("LINESTRING(0 0,1 1)")));
    }

    [Fact]
    public void Distance_to_a_line_uses_the_nearest_point_on_the_edge() =>
        Near(110898.66346004, Geography.Distance(G("LINESTRING(0 0,0 10)"), Geography.Point(1, 5))!.Value, 1e-6);

    [Fact]
    public void Distance_is_zero_for_intersecting_and_null_for_empty_geometries()
    {
        Assert.Equal(0, Geography.Distance(G("POLYGON((0 0,2 0,2 2,0 2,0 0))"), Geography.Point(1, 1)));
        Assert.Null(Geography.Distance(G("POINT EMPTY"), Geography.Point(1, 1)));
        Assert.False(Geography.DWithin(G("POINT EMPTY"), Geography.Point(1, 1), 10));
        Assert.True(Geography.DWithin(Geography.Point(0, 0), Geography.Point(0, 0.001), 111));
        Assert.False(Geography.DWithin(Geography.Point(0, 0), Geography.Point(0, 0.001), 110));
    }

    [Fact]
    public void A_300_m_buffer_has_area_pi_r_squared_and_agrees_with_PostGIS()
    {
        double area = Geography.Area(Geography.Buffer(Geography.Point(2.35, 48.85), 300));
        Near(Math.PI * 300 * 300, area, 0.005);
        Near(282840.2350641042, area, 0.005); // PostGIS ST_Buffer(geography, 300, 'quad_segs=32')
    }

    [Fact]
    public void Buffers_of_lines_agree_with_PostGIS() =>
        Near(253575.3775809415, Geography.Area(Geography.Buffer(G("LINESTRING(0 0,0.01 0)"), 100)), 0.005);

    [Fact]
    public void Buffer_vertices_are_at_the_geodesic_radius()
    {
        var center = Geography.Point(10, 60);
        var buffer = Geography.Buffer(center, 1000);
        foreach (var c in buffer.Coordinates)
            Near(1000, Geography.GeodesicDistance(center.Coordinate, c), 1e-9);
    }

    [Fact]
    public void Empty_and_degenerate_inputs()
    {
        Assert.True(Geography.Buffer(G("POINT EMPTY"), 10).IsEmpty);
        Assert.True(Geography.Buffer(Geography.Point(1, 1), 0).IsEmpty);
        Assert.True(Geography.Centroid(G("POLYGON EMPTY")).IsEmpty);
        Assert.Equal(0, Geography.Area(G("POLYGON EMPTY")));
        Assert.Null(Geography.X(G("POINT EMPTY")));
        Assert.Throws<GeographyException>(() => Geography.X(G("LINESTRING(0 0,1 1)")));
    }

    [Fact]
    public void Predicates_are_planar_on_lon_lat()
    {
        var square = G("POLYGON((0 0,10 0,10 10,0 10,0 0))");
        Assert.True(Geography.Within(Geography.Point(5, 5), square));
        Assert.True(Geography.Contains(square, Geography.Point(5, 5)));
        Assert.False(Geography.Contains(square, Geography.Point(0, 5))); // on the boundary
        Assert.True(Geography.Covers(square, Geography.Point(0, 5)));
        Assert.True(Geography.Touches(square, Geography.Point(0, 5)));
        // A point just north of the straight lon/lat edge: planar says outside (a geodesic edge would bulge north).
        Assert.False(Geography.Intersects(G("POLYGON((0 60,40 60,40 70,0 70,0 60))"), Geography.Point(20, 59.99)));
        Assert.Equal("POINT(5 5)", Wkt.Write(Geography.Centroid(square)));
    }

    [Theory]
    [InlineData("MULTIPOINT(1 2,3 4)", "MULTIPOINT((1 2),(3 4))")]
    [InlineData("POINT(0.1 1e20)", "POINT(0.1 1e+20)")]
    [InlineData("POINT(0.30000000000000004 0.3333333333333333)", "POINT(0.3 0.333333333333333)")]
    [InlineData("GEOMETRYCOLLECTION(POINT(1 2),LINESTRING(0 0,1 1))", "GEOMETRYCOLLECTION(POINT(1 2),LINESTRING(0 0,1 1))")]
    [InlineData("POLYGON EMPTY", "POLYGON EMPTY")]
    [InlineData("POINT(1e-7 -123456789.123456789)", "POINT(0.0000001 -123456789.12345679)")]
    [InlineData("POINT(1e15 1e16)", "POINT(1e+15 1e+16)")]
    [InlineData("POINT(123456789012345.6 1e-20)", "POINT(123456789012345.6 1e-20)")]
    [InlineData("POINT(1e-8 5e-9)", "POINT(1e-8 5e-9)")]
    [InlineData("POINT(1.1e-8 9.9e-9)", "POINT(0.000000011 9.9e-9)")]
    [InlineData("POINT(1.234567890123456789e20 1.234567890123456789e-10)", "POINT(1.234567890123457e+20 1.234567890123457e-10)")]
    [InlineData("POINT(0.000000012345678901234 999999999999999)", "POINT(0.000000012345679 999999999999999)")]
    [InlineData("MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((2 2,3 2,3 3,2 2)))", "MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((2 2,3 2,3 3,2 2)))")]
    [InlineData("POLYGON((0 0,10 0,10 10,0 0),(1 1,2 1,2 2,1 1))", "POLYGON((0 0,10 0,10 10,0 0),(1 1,2 1,2 2,1 1))")]
    [InlineData("SRID=4326;POINT(-0 0)", "POINT(0 0)")]
    [InlineData("MULTIPOINT EMPTY", "MULTIPOINT EMPTY")]
    public void Wkt_output_matches_PostGIS_ST_AsText(string input, string expected) => Assert.Equal(expected, Wkt.Write(G(input)));

    [Fact]
    public void Malformed_wkt_is_an_error_not_an_exception()
    {
        Assert.Null(Wkt.TryRead("POINT(1", out var error));
        Assert.NotNull(error);
        Assert.Null(Wkt.TryRead("hello", out _));
    }

    [Theory]
    [InlineData(1e20, "1e+20")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(123456789012345678.0, "1.2345678901234568e+17")]
    [InlineData(1.5e15, "1.5e+15")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(123456789012345.0, "123456789012345")]
    [InlineData(2.5, "2.5")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Float_text_matches_PostgreSQL(double value, string expected) => Assert.Equal(expected, NumberText.Float(value));
}
