using System.Text.Json;
using NetTopologySuite.Geometries;

namespace Cwf.Interpretation.Geo;

/// <summary>
/// PostGIS's <c>ST_AsGeoJSON</c> text of a geometry, byte for byte: no spaces, ordinates rounded exactly to at
/// most 9 decimals and never in exponent form (<see cref="Evaluation.NumberText.GeoJsonOrdinate"/>).
/// NetTopologySuite.IO.GeoJSON4STJ, which reads and writes the GeoJSON of data files
/// (<see cref="GeoJsonObjects"/>), writes every ordinate as a full-precision JSON number (<c>1E-05</c>),
/// so this text is written here.
/// </summary>
internal static class GeoJson
{
    public static string ToText(Geometry g)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer)) Write(w, g);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter w, Geometry g)
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
                else Position(w, p.Coordinate);
                break;
            case LineString line:
                w.WriteString("type", "LineString");
                w.WritePropertyName("coordinates");
                Positions(w, line.Coordinates);
                break;
            case Polygon polygon:
                w.WriteString("type", "Polygon");
                w.WritePropertyName("coordinates");
                Rings(w, polygon);
                break;
            case MultiPoint multi:
                w.WriteString("type", "MultiPoint");
                w.WritePropertyName("coordinates");
                Members(w, multi, m => Position(w, m.Coordinate));
                break;
            case MultiLineString multi:
                w.WriteString("type", "MultiLineString");
                w.WritePropertyName("coordinates");
                Members(w, multi, m => Positions(w, m.Coordinates));
                break;
            case MultiPolygon multi:
                w.WriteString("type", "MultiPolygon");
                w.WritePropertyName("coordinates");
                Members(w, multi, m => Rings(w, (Polygon)m));
                break;
            case GeometryCollection collection:
                w.WriteString("type", "GeometryCollection");
                w.WritePropertyName("geometries");
                Members(w, collection, m => Write(w, m));
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

    private static void Rings(Utf8JsonWriter w, Polygon polygon)
    {
        w.WriteStartArray();
        if (!polygon.IsEmpty)
        {
            Positions(w, polygon.ExteriorRing.Coordinates);
            foreach (var hole in polygon.InteriorRings) Positions(w, hole.Coordinates);
        }
        w.WriteEndArray();
    }

    private static void Positions(Utf8JsonWriter w, Coordinate[] coordinates)
    {
        w.WriteStartArray();
        foreach (var c in coordinates) Position(w, c);
        w.WriteEndArray();
    }

    private static void Position(Utf8JsonWriter w, Coordinate c)
    {
        if (!double.IsFinite(c.X) || !double.IsFinite(c.Y))
            throw new GeographyException($"GeoJSON cannot hold the non-finite position ({c.X}, {c.Y})");
        w.WriteStartArray();
        w.WriteRawValue(Evaluation.NumberText.GeoJsonOrdinate(c.X), skipInputValidation: true);
        w.WriteRawValue(Evaluation.NumberText.GeoJsonOrdinate(c.Y), skipInputValidation: true);
        w.WriteEndArray();
    }
}
