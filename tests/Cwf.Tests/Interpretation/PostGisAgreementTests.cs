using System.Globalization;
using Cwf.Interpretation.Geo;

namespace Cwf.Tests.Interpretation;

/// <summary>
/// The geodesic functions against PostGIS on 400 random geometry pairs from the data generator
/// (points, lines, polygons with holes, multipolygons near five hubs). PostGisReference/geography.tsv
/// holds each pair's WKT and what PostGIS 3.3 / PostgreSQL 15 returned for
/// <c>st_distance(a::geography, b::geography)</c>, <c>st_area(a::geography)</c>,
/// <c>st_length(a::geography)</c>, <c>st_area(st_buffer(a::geography, 500, 'quad_segs=32'))</c> and
/// <c>st_astext(st_centroid(a))</c> (geometries built with <c>st_geomfromtext(wkt, 4326)</c>).
/// These are the tolerances spec/interpreter.md promises.
/// </summary>
public class PostGisAgreementTests
{
    private sealed record Row(string A, string B, double Distance, double Area, double Length, double Buffer500, string Centroid);

    private static readonly Lazy<List<Row>> Rows = new(() =>
        [.. File.ReadAllLines(NodeReference.Folder("tests/Cwf.Tests/Interpretation/PostGisReference/geography.tsv")).Skip(1).Select(line =>
        {
            var f = line.Split('\t');
            double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
            return new Row(f[0], f[1], D(f[2]), D(f[3]), D(f[4]), D(f[5]), f[6]);
        })]);

    private static NetTopologySuite.Geometries.Geometry G(string wkt) => Wkt.TryRead(wkt, out var e) ?? throw new InvalidOperationException(e);

    private static void Within(string what, double expected, double actual, double relative, double absolute = 0)
    {
        double allowed = Math.Max(relative * Math.Abs(expected), absolute);
        Assert.True(Math.Abs(actual - expected) <= allowed, $"{what}: PostGIS {expected}, interpreter {actual} (allowed ±{allowed})");
    }

    [Fact]
    public void The_reference_set_is_complete() => Assert.Equal(400, Rows.Value.Count);

    [Fact]
    public void Distances_agree_within_1e_7()
    {
        foreach (var r in Rows.Value)
            Within($"distance {r.A} | {r.B}", r.Distance, Geography.Distance(G(r.A), G(r.B))!.Value, 1e-7, absolute: 1e-6);
    }

    [Fact]
    public void Areas_and_lengths_agree_within_1e_8()
    {
        foreach (var r in Rows.Value)
        {
            Within($"area {r.A}", r.Area, Geography.Area(G(r.A)), 1e-8, absolute: 1e-6);
            Within($"length {r.A}", r.Length, Geography.Length(G(r.A)), 1e-8, absolute: 1e-6);
        }
    }

    [Fact]
    public void Buffer_areas_agree_within_half_a_percent()
    {
        foreach (var r in Rows.Value)
            Within($"buffer {r.A}", r.Buffer500, Geography.Area(Geography.Buffer(G(r.A), 500)), 0.005);
    }

    [Fact]
    public void Centroids_agree_within_1e_12_degrees()
    {
        foreach (var r in Rows.Value)
        {
            var ours = Geography.Centroid(G(r.A)).Coordinate;
            var theirs = G(r.Centroid).Coordinate;
            Within($"centroid x {r.A}", theirs.X, ours.X, 0, absolute: 1e-12);
            Within($"centroid y {r.A}", theirs.Y, ours.Y, 0, absolute: 1e-12);
        }
    }
}
