using System.Numerics;
using Cwf.Interpretation.Geo;
using NetTopologySuite.Algorithm.Hull;
using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate.Polygon;
using NetTopologySuite.Triangulate.Tri;

namespace Cwf.Tests.Interpretation;

/// <summary>
/// The concave hull of polygons as PostGIS 3.3 computes it with GEOS 3.11 (<see cref="GeosConcaveHullOfPolygons"/>)
/// and the constrained triangulation under it. The expected texts are PostGIS 3.3.2's answers (GEOS 3.11.1:
/// <c>ST_TriangulatePolygon</c>, <c>ST_ConcaveHull</c>); each case also shows that NetTopologySuite 2.6's classes,
/// which the interpreter used before, answer otherwise. <c>CountryPolygonTests</c> compares the hulls of the
/// benchmark's countries with PostGIS itself.
/// </summary>
public sealed class GeosConcaveHullTests
{
    /// <summary>A square with three holes that GEOS 3.11 joins to other vertices than NetTopologySuite 2.6.</summary>
    private const string ThreeHoles = "POLYGON((0 0,0 12,12 12,12 0,0 0),(2 5,4 5,2 7,2 5),(1 1,3 1,1 3,1 1),(1 9,2 9,1 10,1 9))";

    private const string ThreeHolesTriangulated =
        "GEOMETRYCOLLECTION(POLYGON((1 3,0 0,0 12,1 3)),POLYGON((2 7,1 9,2 9,2 7)),POLYGON((4 5,2 7,2 9,4 5)),POLYGON((0 0,1 3,1 1,0 0))," +
        "POLYGON((4 5,12 12,12 0,4 5)),POLYGON((3 1,0 0,1 1,3 1)),POLYGON((1 9,2 7,1 3,1 9)),POLYGON((1 9,1 3,0 12,1 9))," +
        "POLYGON((0 0,3 1,12 0,0 0)),POLYGON((1 3,2 7,2 5,1 3)),POLYGON((1 10,1 9,0 12,1 10)),POLYGON((4 5,3 1,1 3,4 5))," +
        "POLYGON((1 3,2 5,4 5,1 3)),POLYGON((2 9,1 10,0 12,2 9)),POLYGON((3 1,4 5,12 0,3 1)),POLYGON((12 12,2 9,0 12,12 12))," +
        "POLYGON((12 12,4 5,2 9,12 12)))";

    /// <summary>Three small parts whose frame GEOS 3.11 cannot cut into ears ("Unable to find a convex corner" in PostGIS 3.3).</summary>
    private const string Unclippable = "MULTIPOLYGON(((1 8,2 8,1 9,1 8)),((2 3,3 3,3 4,2 4,2 3)),((2 5,4 5,4 6,2 6,2 5)))";

    /// <summary>Guadeloupe and Trinidad and Tobago as the benchmark ships them (@geo-maps/countries-land-10km).</summary>
    private const string Guadeloupe = "MULTIPOLYGON(((-61.81 16.27,-61.55 16.28,-61.62 15.97,-61.81 16.27)),((-61.35 16.24,-61.55 16.25,-61.46 16.51,-61.17 16.25,-61.35 16.24)))";

    private const string TrinidadAndTobago =
        "MULTIPOLYGON(((-60.76 11.24,-60.52 11.34,-60.84 11.15,-60.76 11.24)),((-61.01 10.36,-60.99 10.14,-61.16 10.07,-61.93 10.05,-61.46 10.3,-61.61 10.75,-60.91 10.83,-61.04 10.69,-61.01 10.36)))";

    private static Geometry G(string wkt) => Wkt.TryRead(wkt, out var error) ?? throw new InvalidOperationException(error);

    /// <summary>The triangles, each as its normalized polygon, in text order: GEOS and NetTopologySuite list them alike but may start them elsewhere.</summary>
    private static List<string> Triangles(Geometry collection) =>
        [.. Enumerable.Range(0, collection.NumGeometries).Select(i => collection.GetGeometryN(i).Normalized().AsText()).Order(StringComparer.Ordinal)];

    [Fact]
    public void A_polygon_with_holes_is_triangulated_as_PostGIS_triangulates_it()
    {
        var polygon = (Polygon)G(ThreeHoles);
        var tris = GeosConstrainedTriangulation.Triangulate(polygon);
        var expected = Triangles(G(ThreeHolesTriangulated));
        Assert.Equal(expected, Triangles(Tri.ToGeometry(tris, polygon.Factory)));
        Assert.NotEqual(expected, Triangles(ConstrainedDelaunayTriangulator.Triangulate(polygon)));
    }

    [Fact]
    public void One_hole_is_joined_at_the_highest_shell_vertex_left_of_it_that_it_sees()
    {
        // Normalized: the shell clockwise from (0 0), the hole counter-clockwise from (4 4). The shell's vertices left
        // of x = 4, downwards from the top: (0 10) first, and the line to it crosses no ring, so the hole goes in
        // there, from its leftmost vertex round to it again.
        var polygon = (Polygon)G("POLYGON((0 0,10 0,10 10,0 10,0 0),(4 4,6 4,6 6,4 6,4 4))").Normalized();
        var joined = GeosHoleJoiner.Join(polygon);
        Assert.Equal("LINESTRING (0 0, 0 10, 4 4, 6 4, 6 6, 4 6, 4 4, 0 10, 10 10, 10 0, 0 0)", polygon.Factory.CreateLineString(joined).AsText());
    }

    [Fact]
    public void Where_GEOS_finds_no_ear_the_hull_fails_as_in_PostGIS_and_the_toolbox_answers_with_the_hull_of_the_vertices()
    {
        var parts = G(Unclippable);
        var failure = Assert.Throws<InvalidOperationException>(() => GeosConcaveHullOfPolygons.ByLengthRatio(parts, 0.3));
        Assert.Equal("Unable to find a convex corner", failure.Message);
        var hull = Geography.ConcaveHull(parts, 0.3);
        Assert.True(hull.Covers(parts));
        Assert.True(hull.Area > parts.Area);
    }

    [Theory]
    [InlineData(Guadeloupe, 0.3, "MULTIPOLYGON(((-61.55 16.28,-61.46 16.51,-61.17 16.25,-61.35 16.24,-61.55 16.25,-61.55 16.28)),((-61.55 16.28,-61.62 15.97,-61.81 16.27,-61.55 16.28)))")]
    [InlineData(Guadeloupe, 0.1, "MULTIPOLYGON(((-61.55 16.28,-61.46 16.51,-61.17 16.25,-61.35 16.24,-61.55 16.25,-61.55 16.28)),((-61.55 16.28,-61.62 15.97,-61.81 16.27,-61.55 16.28)))")]
    [InlineData(TrinidadAndTobago, 0.3, "MULTIPOLYGON(((-61.93 10.05,-61.46 10.3,-61.61 10.75,-60.84 11.15,-60.91 10.83,-61.01 10.36,-60.99 10.14,-61.16 10.07,-61.93 10.05)),((-60.84 11.15,-60.76 11.24,-60.52 11.34,-60.84 11.15)))")]
    [InlineData(TrinidadAndTobago, 0.1, "MULTIPOLYGON(((-61.93 10.05,-61.46 10.3,-61.61 10.75,-60.84 11.15,-60.91 10.83,-61.04 10.69,-61.01 10.36,-60.99 10.14,-61.16 10.07,-61.93 10.05)),((-60.84 11.15,-60.76 11.24,-60.52 11.34,-60.84 11.15)))")]
    public void The_concave_hull_of_islands_is_PostGISs_vertex_for_vertex(string islands, double ratio, string postgis)
    {
        var expected = G(postgis).Normalized();
        Assert.True(expected.EqualsExact(Geography.ConcaveHull(G(islands), ratio).Normalized()));
        Assert.False(expected.EqualsExact(ConcaveHullOfPolygons.ConcaveHullByLengthRatio(G(islands), ratio).Normalized()));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void The_ratios_at_the_ends_keep_the_polygons_or_fill_up_to_the_convex_hull(double ratio)
    {
        // Two unit squares 2 apart: at 0 no gap is filled, at 1 every edge of the triangulation is short enough.
        var squares = G("MULTIPOLYGON(((0 0,0 1,1 1,1 0,0 0)),((3 0,3 1,4 1,4 0,3 0)))");
        var hull = GeosConcaveHullOfPolygons.ByLengthRatio(squares, ratio);
        var expected = ratio == 0 ? squares : G("POLYGON((0 0,0 1,1 1,3 1,4 1,4 0,3 0,1 0,0 0))");
        Assert.True(expected.Normalized().EqualsExact(hull.Normalized()), hull.AsText());
    }

    /// <summary>
    /// Sums and products of random doubles (also of very different magnitudes and of nearly equal ones, where the
    /// last bits cancel) in <see cref="ExtendedFloat"/> against exact rational arithmetic rounded to 64 significant
    /// bits, ties to even. Exact agreement; fixed seed.
    /// </summary>
    [Fact]
    public void Extended_precision_rounds_sums_and_products_as_the_x87()
    {
        const int seed = 1607;
        var random = new Random(seed);
        double Draw() => random.Next(4) switch
        {
            0 => (random.NextDouble() - 0.5) * 400,
            1 => Math.ScaleB(random.NextDouble() - 0.5, random.Next(-80, 80)),
            2 => 1 + random.Next(-3, 4) * Math.ScaleB(1, -52),
            _ => random.Next(-50, 50) / 100.0,
        };
        for (var i = 0; i < 5_000; i++)
        {
            double a = Draw(), b = Draw(), c = Draw(), d = Draw();
            var (x, y) = (ExtendedFloat.Subtract(a, b), ExtendedFloat.Subtract(c, d));
            var (ex, ey) = (Rounded(Exact(a) - Exact(b)), Rounded(Exact(c) - Exact(d)));
            Assert.True(Matches(x, ex) && Matches(y, ey), $"seed {seed}, case {i}: {a} - {b}, {c} - {d}");
            Assert.True(Matches(x * y, Rounded(ex * ey)), $"seed {seed}, case {i}: product of {a} - {b} and {c} - {d}");
            Assert.True(Matches(x + y, Rounded(ex + ey)), $"seed {seed}, case {i}: sum of {a} - {b} and {c} - {d}");
            Assert.Equal(Rounded(ex + ey) > Rounded(ex * ey), x + y > x * y);
        }
    }

    /// <summary>A dyadic rational n / 2^k.</summary>
    private readonly record struct Dyadic(BigInteger N, int K)
    {
        public static Dyadic operator +(Dyadic a, Dyadic b) => a.K >= b.K ? new(a.N + (b.N << (a.K - b.K)), a.K) : b + a;
        public static Dyadic operator -(Dyadic a, Dyadic b) => a + new Dyadic(-b.N, b.K);
        public static Dyadic operator *(Dyadic a, Dyadic b) => new(a.N * b.N, a.K + b.K);
        public static bool operator >(Dyadic a, Dyadic b) => (a - b).N.Sign > 0;
        public static bool operator <(Dyadic a, Dyadic b) => (a - b).N.Sign < 0;
    }

    /// <summary>A double as n / 2^1200 (exact for every double drawn here).</summary>
    private static Dyadic Exact(double v)
    {
        const int scale = 1200;
        if (v == 0) return new(BigInteger.Zero, scale);
        var bits = BitConverter.DoubleToInt64Bits(v);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var significand = new BigInteger((bits & 0xF_FFFF_FFFF_FFFF) | (exponent == 0 ? 0 : 1L << 52));
        var magnitude = significand << ((exponent == 0 ? 1 : exponent) - 1075 + scale);
        return new(bits < 0 ? -magnitude : magnitude, scale);
    }

    /// <summary>The exact value rounded to 64 significant bits, ties to even.</summary>
    private static Dyadic Rounded(Dyadic value)
    {
        var magnitude = BigInteger.Abs(value.N);
        var drop = (int)magnitude.GetBitLength() - 64;
        if (drop <= 0) return value;
        var kept = magnitude >> drop;
        var rest = magnitude - (kept << drop);
        var half = BigInteger.One << (drop - 1);
        if (rest > half || (rest == half && !kept.IsEven)) kept += 1;
        var rounded = kept << drop;
        return new Dyadic(value.N.Sign < 0 ? -rounded : rounded, value.K);
    }

    private static bool Matches(ExtendedFloat x, Dyadic value)
    {
        var (negative, significand, exponent) = x;
        var magnitude = new Dyadic(new BigInteger(significand), 0) * (exponent >= 0 ? new Dyadic(BigInteger.One << exponent, 0) : new Dyadic(BigInteger.One, -exponent));
        var exact = negative ? new Dyadic(-magnitude.N, magnitude.K) : magnitude;
        return !(exact > value) && !(exact < value);
    }
}
