using System.Globalization;
using System.Text;
using Cwf.Interpretation.Evaluation;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Cwf.Interpretation.Geo;

/// <summary>
/// Well-known text in and out. Output follows PostGIS's ST_AsText exactly (no space before
/// parentheses, <c>MULTIPOINT((1 2),(3 4))</c>, ordinates with at most 15 decimals) so the
/// interpreter's text agrees with the reference engine's. Input accepts any WKT NetTopologySuite
/// reads, with an optional <c>SRID=4326;</c> prefix.
/// </summary>
internal static class Wkt
{
    public static string Write(Geometry g)
    {
        var sb = new StringBuilder();
        Write(sb, g);
        return sb.ToString();
    }

    /// <summary>The geometry, or null with an error message when the text is not WKT.</summary>
    public static Geometry? TryRead(string text, out string? error)
    {
        var body = text.Trim();
        if (body.StartsWith("SRID=", StringComparison.OrdinalIgnoreCase))
        {
            int semicolon = body.IndexOf(';');
            if (semicolon < 0)
            {
                error = "an SRID prefix must end with ';'";
                return null;
            }
            body = body[(semicolon + 1)..];
        }
        try
        {
            var reader = new WKTReader(new NetTopologySuite.NtsGeometryServices(Geography.Factory.PrecisionModel, 4326)) { IsOldNtsCoordinateSyntaxAllowed = false };
            var geometry = reader.Read(body);
            error = null;
            return Geography.Factory.CreateGeometry(geometry);
        }
        catch (Exception e) when (e is ParseException or ArgumentException or FormatException or InvalidOperationException or IndexOutOfRangeException)
        {
            error = e.Message;
            return null;
        }
    }

    private static void Write(StringBuilder sb, Geometry g)
    {
        switch (g)
        {
            case Point p:
                sb.Append("POINT");
                if (p.IsEmpty) sb.Append(" EMPTY");
                else
                {
                    sb.Append('(');
                    Coordinate(sb, p.Coordinate);
                    sb.Append(')');
                }
                break;
            case LineString line:
                sb.Append("LINESTRING");
                Path(sb, line.Coordinates, emptyKeyword: true);
                break;
            case Polygon polygon:
                sb.Append("POLYGON");
                Polygon(sb, polygon);
                break;
            case MultiPoint multi:
                sb.Append("MULTIPOINT");
                Members(sb, multi, member =>
                {
                    if (member.IsEmpty) sb.Append("EMPTY");
                    else
                    {
                        sb.Append('(');
                        Coordinate(sb, member.Coordinate);
                        sb.Append(')');
                    }
                });
                break;
            case MultiLineString multi:
                sb.Append("MULTILINESTRING");
                Members(sb, multi, member => Path(sb, member.Coordinates, emptyKeyword: false));
                break;
            case MultiPolygon multi:
                sb.Append("MULTIPOLYGON");
                Members(sb, multi, member => Polygon(sb, (Polygon)member, bareEmpty: true));
                break;
            case GeometryCollection collection:
                sb.Append("GEOMETRYCOLLECTION");
                Members(sb, collection, member => Write(sb, member));
                break;
            default:
                throw new InvalidOperationException($"Unexpected geometry {g.GeometryType}.");
        }
    }

    private static void Members(StringBuilder sb, GeometryCollection collection, Action<Geometry> writeMember)
    {
        if (collection.NumGeometries == 0)
        {
            sb.Append(" EMPTY");
            return;
        }
        sb.Append('(');
        for (int i = 0; i < collection.NumGeometries; i++)
        {
            if (i > 0) sb.Append(',');
            writeMember(collection.GetGeometryN(i));
        }
        sb.Append(')');
    }

    private static void Polygon(StringBuilder sb, Polygon polygon, bool bareEmpty = false)
    {
        if (polygon.IsEmpty)
        {
            sb.Append(bareEmpty ? "EMPTY" : " EMPTY");
            return;
        }
        sb.Append('(');
        Path(sb, polygon.ExteriorRing.Coordinates, emptyKeyword: false);
        foreach (var hole in polygon.InteriorRings)
        {
            sb.Append(',');
            Path(sb, hole.Coordinates, emptyKeyword: false);
        }
        sb.Append(')');
    }

    private static void Path(StringBuilder sb, Coordinate[] coordinates, bool emptyKeyword)
    {
        if (coordinates.Length == 0)
        {
            sb.Append(emptyKeyword ? " EMPTY" : "EMPTY");
            return;
        }
        sb.Append('(');
        for (int i = 0; i < coordinates.Length; i++)
        {
            if (i > 0) sb.Append(',');
            Coordinate(sb, coordinates[i]);
        }
        sb.Append(')');
    }

    private static void Coordinate(StringBuilder sb, Coordinate c) =>
        sb.Append(NumberText.Ordinate(c.X)).Append(' ').Append(NumberText.Ordinate(c.Y));

    internal static string Invariant(double d) => d.ToString("R", CultureInfo.InvariantCulture);
}
