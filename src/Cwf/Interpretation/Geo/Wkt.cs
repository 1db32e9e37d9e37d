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
    /// <summary>PostGIS's ST_AsText form (ordinates rounded to 15 decimals).</summary>
    public static string Write(Geometry g) => Write(g, NumberText.Ordinate);

    /// <summary>The same form with ordinates in shortest round-trip digits, for data files that must read back unchanged.</summary>
    public static string WriteExact(Geometry g) => Write(g, NumberText.Float);

    private static string Write(Geometry g, Func<double, string> ordinate)
    {
        var sb = new StringBuilder();
        new Writer(sb, ordinate).Write(g);
        return sb.ToString();
    }

    /// <summary>Shared by every read (thread-safe): building it per value cost more than parsing a point.</summary>
    private static readonly NetTopologySuite.NtsGeometryServices Services = new(Geography.Factory.PrecisionModel, 4326);

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
            var reader = new WKTReader(Services) { IsOldNtsCoordinateSyntaxAllowed = false };
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

    private sealed class Writer(StringBuilder sb, Func<double, string> ordinate)
    {
        public void Write(Geometry g)
        {
            switch (g)
            {
                case Point p:
                    sb.Append("POINT");
                    if (p.IsEmpty) sb.Append(" EMPTY");
                    else
                    {
                        sb.Append('(');
                        Coordinate(p.Coordinate);
                        sb.Append(')');
                    }
                    break;
                case LineString line:
                    sb.Append("LINESTRING");
                    Path(line.Coordinates, emptyKeyword: true);
                    break;
                case Polygon polygon:
                    sb.Append("POLYGON");
                    Polygon(polygon);
                    break;
                case MultiPoint multi:
                    sb.Append("MULTIPOINT");
                    Members(multi, member =>
                    {
                        if (member.IsEmpty) sb.Append("EMPTY");
                        else
                        {
                            sb.Append('(');
                            Coordinate(member.Coordinate);
                            sb.Append(')');
                        }
                    });
                    break;
                case MultiLineString multi:
                    sb.Append("MULTILINESTRING");
                    Members(multi, member => Path(member.Coordinates, emptyKeyword: false));
                    break;
                case MultiPolygon multi:
                    sb.Append("MULTIPOLYGON");
                    Members(multi, member => Polygon((Polygon)member, bareEmpty: true));
                    break;
                case GeometryCollection collection:
                    sb.Append("GEOMETRYCOLLECTION");
                    Members(collection, member => Write(member));
                    break;
                default:
                    throw new InvalidOperationException($"Unexpected geometry {g.GeometryType}.");
            }
        }

        private void Members(GeometryCollection collection, Action<Geometry> writeMember)
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

        private void Polygon(Polygon polygon, bool bareEmpty = false)
        {
            if (polygon.IsEmpty)
            {
                sb.Append(bareEmpty ? "EMPTY" : " EMPTY");
                return;
            }
            sb.Append('(');
            Path(polygon.ExteriorRing.Coordinates, emptyKeyword: false);
            foreach (var hole in polygon.InteriorRings)
            {
                sb.Append(',');
                Path(hole.Coordinates, emptyKeyword: false);
            }
            sb.Append(')');
        }

        private void Path(Coordinate[] coordinates, bool emptyKeyword)
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
                Coordinate(coordinates[i]);
            }
            sb.Append(')');
        }

        private void Coordinate(Coordinate c) =>
            sb.Append(ordinate(c.X)).Append(' ').Append(ordinate(c.Y));
    }
}
