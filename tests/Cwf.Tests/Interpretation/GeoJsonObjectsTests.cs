using System.Text.Json;
using Cwf.Interpretation.Data;
using Cwf.Interpretation.Geo;
using Cwf.Ir;
using Cwf.Tests.Snapshots;
using NetTopologySuite.Geometries;
using static Cwf.Tests.Interpretation.Harness;

namespace Cwf.Tests.Interpretation;

/// <summary>
/// GeoJSON geometry objects of data files on NetTopologySuite.IO.GeoJSON4STJ: every type reads as the WKT
/// it stands for, bad objects are one sentence each (never an exception), and writing keeps what was read.
/// </summary>
public class GeoJsonObjectsTests
{
    private static Geometry? Read(string json, out string? error)
    {
        using var doc = JsonDocument.Parse(json);
        return GeoJsonObjects.TryRead(doc.RootElement, out error);
    }

    private static string Write(Geometry g)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream)) GeoJsonObjects.Write(w, g);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Theory]
    [InlineData("""{"type":"Point","coordinates":[2.35,48.85]}""", "POINT(2.35 48.85)")]
    [InlineData("""{"type":"Point","coordinates":[]}""", "POINT EMPTY")]
    [InlineData("""{"type":"LineString","coordinates":[[0,0],[1e-7,0.30000000000000004]]}""", "LINESTRING(0 0,0.0000001 0.3)")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[0,10],[10,10],[10,0],[0,0]],[[1,1],[2,1],[2,2],[1,1]]]}""", "POLYGON((0 0,0 10,10 10,10 0,0 0),(1 1,2 1,2 2,1 1))")]
    [InlineData("""{"type":"Polygon","coordinates":[]}""", "POLYGON EMPTY")]
    [InlineData("""{"type":"MultiPoint","coordinates":[[1,2],[3,4]]}""", "MULTIPOINT((1 2),(3 4))")]
    [InlineData("""{"type":"MultiLineString","coordinates":[[[1,2],[3,4]],[[5,6],[7,8]]]}""", "MULTILINESTRING((1 2,3 4),(5 6,7 8))")]
    [InlineData("""{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[2,2],[3,2],[3,3],[2,2]]]]}""", "MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((2 2,3 2,3 3,2 2)))")]
    [InlineData("""{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[1,2]},{"type":"GeometryCollection","geometries":[]}]}""", "GEOMETRYCOLLECTION(POINT(1 2),GEOMETRYCOLLECTION EMPTY)")]
    [InlineData("""{"bbox":[0,0,1,1],"coordinates":[1,2],"type":"Point","foreign":{"a":[1]}}""", "POINT(1 2)")]
    public void Every_geometry_type_reads_as_its_wkt_and_writes_back_the_same_object(string json, string wkt)
    {
        var g = Read(json, out var error);
        Assert.True(g is not null, error);
        Assert.Equal(wkt, Wkt.Write(g));
        Assert.Equal(4326, g.SRID);
        var again = Read(Write(g), out error);
        Assert.True(again is not null, error);
        Assert.True(g.EqualsExact(again));
    }

    [Fact]
    public void A_third_ordinate_is_dropped()
    {
        var g = Read("""{"type":"LineString","coordinates":[[1,2,3],[4,5]]}""", out var error);
        Assert.True(g is not null, error);
        Assert.All(g.Coordinates, c => Assert.True(double.IsNaN(c.Z)));
        Assert.Equal("""{"type":"LineString","coordinates":[[1,2],[4,5]]}""", Write(g));
        Assert.Equal("""{"type":"Point","coordinates":[1,2]}""", Write(Read("""{"type":"Point","coordinates":[1,2,3]}""", out _)!));
    }

    [Fact]
    public void Rings_are_written_in_the_order_they_were_read()
    {
        // RFC 7946 asks writers for counter-clockwise shells; the library would turn this clockwise one, so a read and write would not round-trip.
        const string clockwise = """{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[1,0],[0,0]]]}""";
        Assert.Equal(clockwise, Write(Read(clockwise, out _)!));
    }

    [Theory]
    [InlineData("[1,2]", "a GeoJSON geometry is an object with a \"type\"")]
    [InlineData("""{"type":1,"coordinates":[1,2]}""", "a GeoJSON geometry is an object with a \"type\"")]
    [InlineData("""{"type":"Blob","coordinates":[]}""", "unknown GeoJSON geometry type 'Blob'")]
    [InlineData("""{"type":"1","coordinates":[1,2]}""", "unknown GeoJSON geometry type '1'")]
    [InlineData("""{"type":"Feature","coordinates":[1,2]}""", "unknown GeoJSON geometry type 'Feature'")]
    [InlineData("""{"type":"point","coordinates":[1,2]}""", "unknown GeoJSON geometry type 'point'")]
    [InlineData("""{"type":"Point"}""", "a Point needs a \"coordinates\" array")]
    [InlineData("""{"type":"Polygon","coordinates":null}""", "a Polygon needs a \"coordinates\" array")]
    [InlineData("""{"type":"Point","coordinates":[1]}""", "not a GeoJSON Point: ")]
    [InlineData("""{"type":"Point","coordinates":["a",1]}""", "not a GeoJSON Point: ")]
    [InlineData("""{"type":"Point","coordinates":[[1,2],[3,4]]}""", "not a GeoJSON Point: ")]
    [InlineData("""{"type":"LineString","coordinates":[1,2]}""", "not a GeoJSON LineString: ")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}""", "a polygon ring needs at least 4 positions, the last equal to the first")]
    [InlineData("""{"type":"GeometryCollection","geometries":[{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]],[[0,0],[1,0],[0,0]]]]}]}""", "a polygon ring needs at least 4 positions")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}""", "not a GeoJSON Polygon: ")]
    [InlineData("""{"type":"MultiPolygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}""", "not a GeoJSON MultiPolygon: ")]
    [InlineData("""{"type":"GeometryCollection"}""", "a GeometryCollection needs a \"geometries\" array")]
    [InlineData("""{"type":"GeometryCollection","geometries":[{"type":"Blob"}]}""", "not a GeoJSON GeometryCollection: ")]
    [InlineData("""{"type":"GeometryCollection","geometries":[1]}""", "not a GeoJSON GeometryCollection: ")]
    [InlineData("""{"type":"Point","coordinates":{"x":1}}""", "a Point needs a \"coordinates\" array")]
    public void A_bad_geometry_is_one_sentence_not_an_exception(string json, string message)
    {
        Assert.Null(Read(json, out var error));
        Assert.NotNull(error);
        Assert.StartsWith(message, error);
        Assert.DoesNotContain('\n', error);
    }

    [Theory]
    [InlineData("""{"type":"Point","coordinates":[1]}""", "not a GeoJSON Point: its \"coordinates\" are not nested arrays of [longitude, latitude] numbers")]
    [InlineData("""{"type":"Point","coordinates":["a",1]}""", "not a GeoJSON Point: Expected token is 'StartArray' but was 'String' (Value 'a')")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}""", "not a GeoJSON Polygon: points must form a closed linestring")]
    public void The_library_s_complaint_is_kept_when_it_reads(string json, string message)
    {
        Assert.Null(Read(json, out var error));
        Assert.StartsWith(message, error);
        Assert.DoesNotContain("Path: ", error);
    }

    [Fact]
    public void A_non_finite_position_cannot_be_written()
    {
        var e = Assert.Throws<GeographyException>(() => Write(Geography.Factory.CreatePoint(new Coordinate(double.NaN, 1))));
        Assert.Contains("non-finite", e.Message);
    }

    [Fact]
    public void St_asgeojson_is_not_the_library_s_text()
    {
        // The reason GeoJson.ToText stays ours: PostGIS never writes an exponent and rounds to 9 decimals.
        var point = Geography.Factory.CreatePoint(new Coordinate(0.00001, 1.0000000004));
        Assert.Equal("""{"type":"Point","coordinates":[0.00001,1]}""", GeoJson.ToText(point));
        Assert.Equal("""{"type":"Point","coordinates":[1E-05,1.0000000004]}""", Write(point));
    }

    [Fact]
    public void A_written_geojson_data_file_is_pinned()
    {
        var schema = Schema(("id", SqlType.Int64), ("geom", SqlType.Geography), ("area", SqlType.Geography), ("name", SqlType.String));
        Geometry Wkt(string text) => Cwf.Interpretation.Geo.Wkt.TryRead(text, out _)!;
        var table = Table(schema,
            [1L, Wkt("POINT(2.3522 48.8566)"), Wkt("POLYGON((0 0,0 10,10 10,10 0,0 0),(1 1,2 1,2 2,1 1))"), "é 😀"],
            [2L, Wkt("MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((2 2,3 2,3 3,2 2)))"), Wkt("POINT EMPTY"), null],
            [3L, null, Wkt("LINESTRING(0.1 0.2,0.30000000000000004 1e-9)"), "x"],
            [4L, Wkt("GEOMETRYCOLLECTION(POINT(1 2),LINESTRING(0 0,1 1))"), Wkt("MULTIPOINT((1 2),(3 4))"), ""],
            [5L, Wkt("MULTILINESTRING((1 2,3 4),(5 6,7 8))"), Wkt("POLYGON EMPTY"), "-0"]);
        Snapshot.Match(DataDirectory.Format(table, DataFormat.GeoJson), "data-file", "geojson");
    }
}
