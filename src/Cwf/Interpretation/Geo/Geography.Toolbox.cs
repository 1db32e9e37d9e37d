using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.LinearReferencing;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Cwf.Interpretation.Geo;

/// <summary>
/// The geometry toolbox (issue 16): measures, accessors, constructors and shape operations, each
/// as PostGIS computes it on the lon/lat geometry (or on the geography where the IR is metric), so
/// that the reference engine and the interpreter agree value for value. Geometries a function
/// builds that may be invalid (a polygon from a line, snapped or hole-less shapes) pass through
/// <see cref="Valid"/>, the validity policy every backend applies the same way.
/// </summary>
internal static partial class Geography
{
    /// <summary>Meters per degree of longitude at the equator (2πa / 360): the IR's conversion of a tolerance in meters to degrees.</summary>
    public const double MetersPerDegree = 111_319.490_793_273_57;

    /// <summary>Geodesic length of every polygon ring in meters; lines and points have no perimeter.</summary>
    public static double Perimeter(Geometry g)
    {
        double total = 0;
        foreach (var polygon in Components(g).OfType<Polygon>())
        {
            if (polygon.IsEmpty) continue;
            total += PathLength(polygon.ExteriorRing.Coordinates);
            foreach (var hole in polygon.InteriorRings) total += PathLength(hole.Coordinates);
        }
        return total;
    }

    public static long NumPoints(Geometry g) => g.NumPoints;

    /// <summary>The parts of a collection, 1 for a non-empty single geometry, 0 for an empty one (PostGIS).</summary>
    public static long NumGeometries(Geometry g) => g is GeometryCollection c ? c.NumGeometries : g.IsEmpty ? 0 : 1;

    /// <summary>PostGIS's ST_GeometryType: <c>ST_</c> and the OGC type name (a ring is a line).</summary>
    public static string GeometryType(Geometry g) => "ST_" + (g is LinearRing ? "LineString" : g.GeometryType);

    /// <summary>The n-th vertex of a line, 1-based, negative from the end; null for another geometry or n out of range.</summary>
    public static Geometry? PointN(Geometry g, long n)
    {
        if (g is not LineString line || line.IsEmpty) return null;
        long index = n < 0 ? line.NumPoints + n : n - 1;
        return index < 0 || index >= line.NumPoints ? null : Factory.CreatePoint(line.GetCoordinateN((int)index).Copy());
    }

    /// <summary>
    /// PostGIS's ST_MakeLine of two geometries: the vertices of points and lines in order, a line's first
    /// vertex left out when it repeats the last one; empty parts add nothing. Fewer than two vertices
    /// give an empty line; the result is then made valid (a line through one place collapses to empty).
    /// </summary>
    public static Geometry MakeLine(Geometry a, Geometry b) => MakeLine([a, b]);

    /// <summary>ST_MakeLine of the geometries in order (the aggregate's and the two-argument form's rule).</summary>
    public static Geometry MakeLine(IEnumerable<Geometry> geometries)
    {
        var coordinates = new List<Coordinate>();
        foreach (var g in geometries)
        {
            switch (g)
            {
                case Point p:
                    if (!p.IsEmpty) coordinates.Add(p.Coordinate.Copy());
                    break;
                case LineString line:
                    var vertices = line.Coordinates;
                    for (int i = 0; i < vertices.Length; i++)
                        if (i > 0 || coordinates.Count == 0 || !coordinates[^1].Equals2D(vertices[i])) coordinates.Add(vertices[i].Copy());
                    break;
                default:
                    throw new GeographyException($"st_makeline takes points and lines, got a {g.GeometryType.ToLowerInvariant()}");
            }
        }
        return Valid(coordinates.Count < 2 ? Factory.CreateLineString() : Factory.CreateLineString([.. coordinates]));
    }

    /// <summary>
    /// The geometry of the text of a GeoJSON geometry object (ST_GeomFromGeoJSON; a third ordinate ignored), not yet
    /// repaired: the caller applies the validity policy, as for well-known text.
    /// </summary>
    public static Geometry FromGeoJson(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new GeographyException($"st_geogfromgeojson: not JSON: {e.Message}");
        }
        using (document)
        {
            return GeoJsonObjects.TryRead(document.RootElement, out var error)
                ?? throw new GeographyException($"st_geogfromgeojson: not a GeoJSON geometry: {error}");
        }
    }

    /// <summary>The polygon whose shell is a closed line of at least four vertices, repaired when invalid.</summary>
    public static Geometry MakePolygon(Geometry g)
    {
        if (g is not LineString line) throw new GeographyException($"st_makepolygon needs a line, got a {g.GeometryType.ToLowerInvariant()}");
        if (line.NumPoints < 4 || !line.IsClosed) throw new GeographyException("st_makepolygon needs a closed line of at least four vertices");
        return Valid(Factory.CreatePolygon(line.Coordinates));
    }

    /// <summary>The bounding box on lon/lat: a polygon, or a point or vertical/horizontal line when it has no area; an empty geometry is itself.</summary>
    public static Geometry Envelope(Geometry g) => g.IsEmpty ? g : Factory.ToGeometry(g.EnvelopeInternal);

    /// <summary>The box polygon with corners (xmin, ymin) and (xmax, ymax), as ST_MakeEnvelope orders its vertices; made valid (a box without area is empty).</summary>
    public static Geometry MakeEnvelope(double xmin, double ymin, double xmax, double ymax)
    {
        if (!double.IsFinite(xmin) || !double.IsFinite(ymin) || !double.IsFinite(xmax) || !double.IsFinite(ymax))
            throw new GeographyException($"st_makeenvelope needs finite coordinates, got ({xmin}, {ymin}, {xmax}, {ymax})");
        return Valid(Factory.CreatePolygon([new(xmin, ymin), new(xmin, ymax), new(xmax, ymax), new(xmax, ymin), new(xmin, ymin)]));
    }

    /// <summary>The point at a fraction of a line's planar length on lon/lat (ST_LineInterpolatePoint of a geometry).</summary>
    public static Geometry LineInterpolatePoint(Geometry g, double fraction)
    {
        if (g is not LineString line) throw new GeographyException($"st_lineinterpolatepoint needs a line, got a {g.GeometryType.ToLowerInvariant()}");
        if (!(fraction >= 0 && fraction <= 1)) throw new GeographyException($"st_lineinterpolatepoint needs a fraction between 0 and 1, got {fraction}");
        if (line.IsEmpty) return Factory.CreatePoint();
        var point = new LengthIndexedLine(line).ExtractPoint(fraction * line.Length);
        return Factory.CreatePoint(new Coordinate(point.X, point.Y));
    }

    /// <summary>The geodesic destination on the WGS84 ellipsoid from a point, <paramref name="meters"/> along the bearing (degrees clockwise from north).</summary>
    public static Geometry Destination(Geometry g, double meters, double bearing)
    {
        if (g is not Point p) throw new GeographyException($"st_destination needs a point, got a {g.GeometryType.ToLowerInvariant()}");
        if (!double.IsFinite(meters) || !double.IsFinite(bearing)) throw new GeographyException($"st_destination needs a finite distance and bearing, got {meters} and {bearing}");
        if (p.IsEmpty) throw new GeographyException("st_destination cannot start from an empty point");
        var (lon, lat) = Coerce(p.X, p.Y);
        var (lat2, lon2) = Wgs84.Direct(lat, lon, bearing, meters);
        return Factory.CreatePoint(new Coordinate(GeoMath.AngNormalize(lon2), lat2));
    }

    public static Geometry Intersection(Geometry a, Geometry b) => Overlay(a, b, SpatialFunction.Intersection, "st_intersection");

    public static Geometry Difference(Geometry a, Geometry b) => Overlay(a, b, SpatialFunction.Difference, "st_difference");

    /// <summary>OverlayNG with its robust fallbacks, as GEOS 3.9+ computes ST_Intersection and ST_Difference.</summary>
    private static Geometry Overlay(Geometry a, Geometry b, SpatialFunction operation, string function)
    {
        try
        {
            return Plain(OverlayNGRobust.Overlay(a, b, operation));
        }
        catch (Exception e) when (IsTopologyFailure(e))
        {
            throw new GeographyException($"{function} failed: {e.Message}");
        }
    }

    /// <summary>
    /// PostGIS's ST_Boundary: a point's is an empty point, a line's its two end points (none when closed),
    /// a multilinestring's the end points counted an odd number of times; a polygon's rings (one ring is a
    /// line), a collection's the boundaries of its members; the empty ones have the types PostGIS gives.
    /// </summary>
    public static Geometry Boundary(Geometry g)
    {
        switch (g)
        {
            case NetTopologySuite.Geometries.Point:
                return Factory.CreatePoint();
            case MultiPoint:
                return Factory.CreateMultiPoint();
            case LineString line:
                return line.IsEmpty || line.IsClosed ? Factory.CreateMultiPoint() : Factory.CreateMultiPoint([Factory.CreatePoint(line.StartPoint.Coordinate.Copy()), Factory.CreatePoint(line.EndPoint.Coordinate.Copy())]);
            case MultiLineString lines:
                return lines.IsEmpty ? Factory.CreateMultiPoint() : Plain(lines.Boundary);
            case Polygon polygon:
                return polygon.IsEmpty ? Factory.CreateMultiLineString() : Rings([polygon]);
            case MultiPolygon polygons:
                return polygons.IsEmpty ? Factory.CreateGeometryCollection() : Rings([.. Enumerable.Range(0, polygons.NumGeometries).Select(i => (Polygon)polygons.GetGeometryN(i))]);
            case GeometryCollection collection:
                return Factory.CreateGeometryCollection([.. Enumerable.Range(0, collection.NumGeometries).Select(i => Boundary(collection.GetGeometryN(i)))]);
            default:
                return Plain(g.Boundary);
        }
    }

    /// <summary>The rings of polygons as lines: one line, or a multilinestring of several.</summary>
    private static Geometry Rings(IEnumerable<Polygon> polygons)
    {
        var rings = polygons.Where(p => !p.IsEmpty)
            .SelectMany(p => new[] { p.ExteriorRing }.Concat(p.InteriorRings))
            .Select(r => Factory.CreateLineString(r.CoordinateSequence.Copy())).ToArray();
        return rings.Length == 1 ? rings[0] : Factory.CreateMultiLineString(rings);
    }

    public static Geometry ConvexHull(Geometry g) => Plain(g.ConvexHull());

    /// <summary>
    /// PostGIS 3.3's ST_ConcaveHull with GEOS 3.11: of a polygonal geometry, the concave hull of the
    /// polygons (the polygons, their holes kept, with the gaps between them filled up to the edge length
    /// ratio); of anything else, the concave hull of the vertices by maximum edge length ratio (0: most
    /// concave, 1: the convex hull), without holes.
    /// </summary>
    public static Geometry ConcaveHull(Geometry g, double ratio)
    {
        if (!(ratio >= 0 && ratio <= 1)) throw new GeographyException($"st_concavehull needs a ratio between 0 and 1, got {ratio}");
        try
        {
            return Plain(g.Dimension == Dimension.Surface
                ? HullOfPolygons(g, ratio)
                : NetTopologySuite.Algorithm.Hull.ConcaveHull.ConcaveHullByLengthRatio(g, ratio));
        }
        catch (Exception e) when (IsTopologyFailure(e))
        {
            throw new GeographyException($"st_concavehull failed: {e.Message}");
        }
    }

    // GEOS 3.11's algorithm, written here (GeosConcaveHullOfPolygons): NetTopologySuite 2.6's differs in its hole
    // joiner and the order it removes triangles in, fails on 4 of the benchmark's 220 countries and gives other
    // hulls on some more. GEOS 3.11 itself fails on 11 of them ("Unable to find a convex corner": PostGIS 3.3 stops
    // with an error); there the hull is the polygons together with the concave hull of their vertices, which fills
    // the gaps between them up to the same edge length ratio: an answer rather than an error (spec/interpreter.md).
    private static Geometry HullOfPolygons(Geometry g, double ratio)
    {
        try
        {
            return GeosConcaveHullOfPolygons.ByLengthRatio(g, ratio);
        }
        catch (Exception e) when (IsTopologyFailure(e))
        {
            return g.Union(NetTopologySuite.Algorithm.Hull.ConcaveHull.ConcaveHullByLengthRatio(g, ratio));
        }
    }

    /// <summary>
    /// PostGIS's ST_Polygonize of one geometry (GEOS's polygonizer): the polygons enclosed by its lines and
    /// the rings of its polygons, as a geometry collection (empty when none is enclosed). The linework is
    /// used as noded: lines that cross without a shared vertex enclose nothing there, as in GEOS.
    /// </summary>
    public static Geometry Polygonize(Geometry g)
    {
        var polygonizer = new NetTopologySuite.Operation.Polygonize.Polygonizer();
        polygonizer.Add(g);
        return Factory.CreateGeometryCollection([.. polygonizer.GetPolygons()]);
    }

    /// <summary>Topology-preserving Douglas-Peucker on lon/lat as GEOS computes it, the tolerance in meters taken at <see cref="MetersPerDegree"/>.</summary>
    public static Geometry Simplify(Geometry g, double meters)
    {
        if (!(meters >= 0) || double.IsInfinity(meters)) throw new GeographyException($"st_simplify needs a finite tolerance of at least 0, got {meters}");
        return Plain(TopologyPreservingSimplification.Simplify(g, meters / MetersPerDegree));
    }

    /// <summary>
    /// PostGIS's ST_SnapToGrid(g, size): every vertex rounded to the grid (ties to even, as C's rint),
    /// repeated vertices dropped; a line left with fewer than two vertices, a ring with fewer than four,
    /// and a polygon whose shell collapsed are dropped. A size of 0 leaves the coordinates. Made valid.
    /// </summary>
    public static Geometry SnapToGrid(Geometry g, double size)
    {
        if (!(size >= 0) || double.IsInfinity(size)) throw new GeographyException($"st_snaptogrid needs a finite grid size of at least 0, got {size}");
        return size == 0 ? g : Valid(Snapped(g, size) ?? Empty(g));
    }

    private static Geometry? Snapped(Geometry g, double size)
    {
        double Snap(double v) => Math.Round(v / size, MidpointRounding.ToEven) * size;
        Coordinate[] Path(Coordinate[] coordinates)
        {
            var kept = new List<Coordinate>(coordinates.Length);
            foreach (var c in coordinates)
            {
                var s = new Coordinate(Snap(c.X), Snap(c.Y));
                if (kept.Count == 0 || !kept[^1].Equals2D(s)) kept.Add(s);
            }
            return [.. kept];
        }
        switch (g)
        {
            case Point p:
                return p.IsEmpty ? p : Factory.CreatePoint(new Coordinate(Snap(p.X), Snap(p.Y)));
            case LineString line:
                var path = Path(line.Coordinates);
                return path.Length < 2 ? null : Factory.CreateLineString(path);
            case Polygon polygon:
                if (polygon.IsEmpty) return polygon;
                var shell = Path(polygon.ExteriorRing.Coordinates);
                if (shell.Length < 4) return null;
                var holes = polygon.InteriorRings.Select(h => Path(h.Coordinates)).Where(h => h.Length >= 4).Select(h => Factory.CreateLinearRing(h));
                return Factory.CreatePolygon(Factory.CreateLinearRing(shell), [.. holes]);
            case GeometryCollection collection:
                var parts = Enumerable.Range(0, collection.NumGeometries).Select(i => Snapped(collection.GetGeometryN(i), size)).OfType<Geometry>().ToArray();
                return collection switch
                {
                    MultiPoint => Factory.CreateMultiPoint([.. parts.Cast<Point>()]),
                    MultiLineString => Factory.CreateMultiLineString([.. parts.Cast<LineString>()]),
                    MultiPolygon => Factory.CreateMultiPolygon([.. parts.Cast<Polygon>()]),
                    _ => Factory.CreateGeometryCollection(parts),
                };
            default:
                return g;
        }
    }

    /// <summary>Polygons and multipolygons without their holes (made valid: shells that held each other now overlap); anything else unchanged.</summary>
    public static Geometry RemoveHoles(Geometry g) => g switch
    {
        _ when g.IsEmpty => g,
        Polygon p => Valid(Shell(p)),
        MultiPolygon m => Valid(Factory.CreateMultiPolygon([.. Enumerable.Range(0, m.NumGeometries).Select(i => Shell((Polygon)m.GetGeometryN(i)))])),
        _ => g,
    };

    private static Polygon Shell(Polygon p) => p.IsEmpty ? p : Factory.CreatePolygon(p.ExteriorRing.Coordinates);

    private static Geometry Empty(Geometry g) => g switch
    {
        NetTopologySuite.Geometries.Point => Factory.CreatePoint(),
        LineString => Factory.CreateLineString(),
        Polygon => Factory.CreatePolygon(),
        MultiPoint => Factory.CreateMultiPoint(),
        MultiLineString => Factory.CreateMultiLineString(),
        MultiPolygon => Factory.CreateMultiPolygon(),
        _ => Factory.CreateGeometryCollection(),
    };

    /// <summary>
    /// A result as PostGIS's geometry model holds it: linear rings are lines (PostGIS has no ring
    /// type), in SRID 4326.
    /// </summary>
    private static Geometry Plain(Geometry g) => g switch
    {
        LinearRing ring => Factory.CreateLineString(ring.CoordinateSequence.Copy()),
        MultiLineString m => Factory.CreateMultiLineString([.. Enumerable.Range(0, m.NumGeometries).Select(i => (LineString)Plain(m.GetGeometryN(i)))]),
        GeometryCollection c and not (MultiPoint or MultiPolygon) => Factory.CreateGeometryCollection([.. Enumerable.Range(0, c.NumGeometries).Select(i => Plain(c.GetGeometryN(i)))]),
        _ => Factory.CreateGeometry(g),
    };
}
