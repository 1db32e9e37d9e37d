using System.Text.Json;
using NetTopologySuite.Geometries;

namespace Cwf.Interpretation.Geo;

/// <summary>
/// GeoJSON geometry objects (RFC 7946) in and out: Point, LineString, Polygon, the Multi*
/// types and GeometryCollection, two-dimensional (a third ordinate is ignored). Written by hand
/// rather than with a package so that the output is byte-for-byte deterministic.
/// </summary>
internal static class GeoJson
{
    /// <summary>The geometry of a GeoJSON geometry object, or null with a message saying what is wrong.</summary>
    public static Geometry? TryRead(JsonElement element, out string? error)
    {
        try
        {
            error = null;
            return Read(element);
        }
        catch (FormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    private static Geometry Read(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            throw new FormatException("a GeoJSON geometry is an object with a \"type\"");
        var f = Geography.Factory;
        string type = typeElement.GetString()!;
        if (type == "GeometryCollection")
        {
            if (!e.TryGetProperty("geometries", out var members) || members.ValueKind != JsonValueKind.Array)
                throw new FormatException("a GeometryCollection needs a \"geometries\" array");
            return f.CreateGeometryCollection([.. members.EnumerateArray().Select(Read)]);
        }
        if (!e.TryGetProperty("coordinates", out var c) || c.ValueKind != JsonValueKind.Array)
            throw new FormatException($"a {type} needs a \"coordinates\" array");
        return type switch
        {
            "Point" => c.GetArrayLength() == 0 ? f.CreatePoint() : f.CreatePoint(Position(c)),
            "LineString" => f.CreateLineString(Positions(c)),
            "Polygon" => Polygon(c),
            "MultiPoint" => f.CreateMultiPoint([.. c.EnumerateArray().Select(p => f.CreatePoint(Position(p)))]),
            "MultiLineString" => f.CreateMultiLineString([.. c.EnumerateArray().Select(l => f.CreateLineString(Positions(l)))]),
            "MultiPolygon" => f.CreateMultiPolygon([.. c.EnumerateArray().Select(Polygon)]),
            _ => throw new FormatException($"unknown GeoJSON geometry type '{type}'"),
        };
    }

    private static Polygon Polygon(JsonElement rings)
    {
        var f = Geography.Factory;
        if (rings.ValueKind != JsonValueKind.Array) throw new FormatException("a polygon is an array of rings");
        var list = rings.EnumerateArray().Select(r => Ring(Positions(r))).ToList();
        if (list.Count == 0) return f.CreatePolygon();
        return f.CreatePolygon(list[0], [.. list.Skip(1)]);
    }

    private static LinearRing Ring(Coordinate[] positions)
    {
        if (positions.Length is > 0 and < 4 || (positions.Length > 0 && !positions[0].Equals2D(positions[^1])))
            throw new FormatException("a polygon ring needs at least 4 positions, the last equal to the first");
        return Geography.Factory.CreateLinearRing(positions);
    }

    private static Coordinate[] Positions(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array) throw new FormatException("expected an array of positions");
        return [.. array.EnumerateArray().Select(Position)];
    }

    private static Coordinate Position(JsonElement p)
    {
        if (p.ValueKind != JsonValueKind.Array || p.GetArrayLength() < 2 || p[0].ValueKind != JsonValueKind.Number || p[1].ValueKind != JsonValueKind.Number)
            throw new FormatException("a position is an array of two numbers [longitude, latitude]");
        return new Coordinate(p[0].GetDouble(), p[1].GetDouble());
    }

    /// <summary>
    /// PostGIS's ST_AsGeoJSON text of a geometry: no spaces, ordinates with at most 9 decimals
    /// (<see cref="Evaluation.NumberText.GeoJsonOrdinate"/>).
    /// </summary>
    public static string ToText(Geometry g)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer)) Write(w, g, Evaluation.NumberText.GeoJsonOrdinate);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(Utf8JsonWriter w, Geometry g) => Write(w, g, null);

    /// <summary>Writes a geometry object; ordinates in shortest round-trip form, or as <paramref name="ordinate"/> writes them.</summary>
    private static void Write(Utf8JsonWriter w, Geometry g, Func<double, string>? ordinate)
    {
        w.WriteStartObject();
        switch (g)
        {
            case Point p:
                w.WriteString("type", "Point");
                w.WritePropertyName("coordinates");
                if (p.IsEmpty)
                {
                    w.WriteStartArray();
                    w.WriteEndArray();
                }
                else Position(w, p.Coordinate, ordinate);
                break;
            case LineString line:
                w.WriteString("type", "LineString");
                w.WritePropertyName("coordinates");
                Positions(w, line.Coordinates, ordinate);
                break;
            case Polygon polygon:
                w.WriteString("type", "Polygon");
                w.WritePropertyName("coordinates");
                Rings(w, polygon, ordinate);
                break;
            case MultiPoint multi:
                w.WriteString("type", "MultiPoint");
                w.WritePropertyName("coordinates");
                Members(w, multi, m => Position(w, m.Coordinate, ordinate));
                break;
            case MultiLineString multi:
                w.WriteString("type", "MultiLineString");
                w.WritePropertyName("coordinates");
                Members(w, multi, m => Positions(w, m.Coordinates, ordinate));
                break;
            case MultiPolygon multi:
                w.WriteString("type", "MultiPolygon");
                w.WritePropertyName("coordinates");
                Members(w, multi, m => Rings(w, (Polygon)m, ordinate));
                break;
            case GeometryCollection collection:
                w.WriteString("type", "GeometryCollection");
                w.WritePropertyName("geometries");
                Members(w, collection, m => Write(w, m, ordinate));
                break;
            default:
                throw new InvalidOperationException($"Unexpected geometry {g.GeometryType}.");
        }
        w.WriteEndObject();
    }

    private static void Members(Utf8JsonWriter w, GeometryCollection collection, Action<Geometry> write)
    {
        w.WriteStartArray();
        for (int i = 0; i < collection.NumGeometries; i++) write(collection.GetGeometryN(i));
        w.WriteEndArray();
    }

    private static void Rings(Utf8JsonWriter w, Polygon polygon, Func<double, string>? ordinate)
    {
        w.WriteStartArray();
        if (!polygon.IsEmpty)
        {
            Positions(w, polygon.ExteriorRing.Coordinates, ordinate);
            foreach (var hole in polygon.InteriorRings) Positions(w, hole.Coordinates, ordinate);
        }
        w.WriteEndArray();
    }

    private static void Positions(Utf8JsonWriter w, Coordinate[] coordinates, Func<double, string>? ordinate)
    {
        w.WriteStartArray();
        foreach (var c in coordinates) Position(w, c, ordinate);
        w.WriteEndArray();
    }

    private static void Position(Utf8JsonWriter w, Coordinate c, Func<double, string>? ordinate)
    {
        if (!double.IsFinite(c.X) || !double.IsFinite(c.Y))
            throw new GeographyException($"GeoJSON cannot hold the non-finite position ({c.X}, {c.Y})");
        w.WriteStartArray();
        if (ordinate is null)
        {
            w.WriteNumberValue(c.X);
            w.WriteNumberValue(c.Y);
        }
        else
        {
            w.WriteRawValue(ordinate(c.X), skipInputValidation: true);
            w.WriteRawValue(ordinate(c.Y), skipInputValidation: true);
        }
        w.WriteEndArray();
    }
}
