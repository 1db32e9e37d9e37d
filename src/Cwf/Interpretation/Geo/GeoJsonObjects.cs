using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;
using NetTopologySuite.IO.Converters;

namespace Cwf.Interpretation.Geo;

/// <summary>
/// GeoJSON geometry objects (RFC 7946) of data files, read and written by NetTopologySuite.IO.GeoJSON4STJ's
/// geometry converter: two-dimensional (a third ordinate is dropped), rings in the order the file gives,
/// ordinates in shortest round-trip digits. The converter is reached through a <see cref="JsonTypeInfo"/>
/// made from it rather than through reflection-based serialization, which Native AOT does not have.
/// </summary>
internal static class GeoJsonObjects
{
    /// <summary>The seven geometry types; the library parses "type" with <see cref="Enum.Parse(Type, string)"/>, which also takes numbers and Feature.</summary>
    private static readonly HashSet<string> GeometryTypes =
        ["Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon", "GeometryCollection"];

    /// <summary>Shared by every read and write (thread-safe once made read-only).</summary>
    private static readonly JsonTypeInfo<Geometry> Info = CreateInfo();

    private static JsonTypeInfo<Geometry> CreateInfo()
    {
        var factory = new GeometryFactory(Geography.Factory.PrecisionModel, Geography.Factory.SRID, PlanarSequenceFactory.Instance);
        var converters = new GeoJsonConverterFactory(factory, writeGeometryBBox: false, GeoJsonConverterFactory.DefaultIdPropertyName, RingOrientationOption.DoNotModify);
        var options = new JsonSerializerOptions { TypeInfoResolver = new GeometryResolver(converters) };
        options.MakeReadOnly();
        return (JsonTypeInfo<Geometry>)options.GetTypeInfo(typeof(Geometry));
    }

    /// <summary>The geometry of a GeoJSON geometry object, or null with one sentence saying what is wrong.</summary>
    public static Geometry? TryRead(JsonElement e, out string? error)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            error = "a GeoJSON geometry is an object with a \"type\"";
            return null;
        }
        string type = typeElement.GetString()!;
        if (!GeometryTypes.Contains(type))
        {
            error = $"unknown GeoJSON geometry type '{type}'";
            return null;
        }
        // RFC 7946 requires the member; the library reads a missing one as an empty geometry.
        string member = type == "GeometryCollection" ? "geometries" : "coordinates";
        if (!e.TryGetProperty(member, out var members) || members.ValueKind != JsonValueKind.Array)
        {
            error = $"a {type} needs a \"{member}\" array";
            return null;
        }
        try
        {
            var geometry = JsonSerializer.Deserialize(e, Info)!;
            error = ShortRing(geometry) ? "a polygon ring needs at least 4 positions, the last equal to the first" : null;
            return error is null ? geometry : null;
        }
        // The converter's own complaints (a misplaced token, a ring NetTopologySuite refuses) are plain sentences.
        // Where it trips over a token it cannot describe, System.Text.Json re-throws its generic "could not be
        // converted to NetTopologySuite.Geometries.Geometry. Path: ..." instead, which says nothing to a user.
        catch (Exception x) when (x is JsonException or InvalidOperationException or ArgumentException or FormatException or NotSupportedException)
        {
            bool generic = x is InvalidOperationException || x.InnerException is InvalidOperationException || x.Message.Contains(" Path: ", StringComparison.Ordinal);
            error = $"not a GeoJSON {type}: " + (generic
                ? "its \"coordinates\" are not nested arrays of [longitude, latitude] numbers"
                : x.Message.TrimEnd('.'));
            return null;
        }
    }

    /// <summary>
    /// Whether a ring has fewer than the 4 positions RFC 7946 (and PostGIS's <c>ST_GeomFromGeoJSON</c>) require:
    /// NetTopologySuite builds a closed ring of 3, a line there and back.
    /// </summary>
    private static bool ShortRing(Geometry g)
    {
        for (int i = 0; i < g.NumGeometries; i++)
        {
            switch (g.GetGeometryN(i))
            {
                case Polygon p when p.ExteriorRing.NumPoints is > 0 and < 4 || p.InteriorRings.Any(h => h.NumPoints < 4):
                    return true;
                case GeometryCollection inner when ShortRing(inner):
                    return true;
            }
        }
        return false;
    }

    /// <summary>Writes a geometry object; a non-finite position is a <see cref="GeographyException"/> (JSON has no such number).</summary>
    public static void Write(Utf8JsonWriter w, Geometry g)
    {
        foreach (var c in g.Coordinates)
            if (!double.IsFinite(c.X) || !double.IsFinite(c.Y))
                throw new GeographyException($"GeoJSON cannot hold the non-finite position ({c.X}, {c.Y})");
        JsonSerializer.Serialize(w, g, Info);
    }

    /// <summary>Resolves <see cref="Geometry"/> to the library's converter and nothing else.</summary>
    private sealed class GeometryResolver(GeoJsonConverterFactory converters) : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
            type == typeof(Geometry) ? JsonMetadataServices.CreateValueInfo<Geometry>(options, converters.CreateConverter(type, options)) : null;
    }

    /// <summary>Coordinate sequences of x and y only, whatever dimension the converter asks for: a third ordinate is dropped.</summary>
    private sealed class PlanarSequenceFactory : CoordinateSequenceFactory
    {
        public static readonly PlanarSequenceFactory Instance = new();

        private PlanarSequenceFactory() : base(Ordinates.XY) { }

        public override CoordinateSequence Create(int size, int dimension, int measures) =>
            CoordinateArraySequenceFactory.Instance.Create(size, 2, 0);
    }
}
