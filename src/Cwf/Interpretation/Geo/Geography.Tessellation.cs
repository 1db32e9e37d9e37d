using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate;

namespace Cwf.Interpretation.Geo;

/// <summary>
/// Voronoi diagrams and Delaunay triangulations of a geography's vertices (native.voronoi, native.delaunay),
/// computed by NetTopologySuite's builders, the port of the GEOS code PostGIS calls: planar on lon/lat,
/// no snapping tolerance, the Voronoi cells clipped to the envelope GEOS extends around the sites.
/// </summary>
internal static partial class Geography
{
    /// <summary>The Voronoi cells, as ST_VoronoiPolygons(g) gives them; none for fewer than two distinct vertices.</summary>
    public static IEnumerable<Geometry> VoronoiPolygons(Geometry g)
    {
        if (VoronoiOf(g) is not { } builder) return [];
        return SimpleParts(builder.GetDiagram(Factory));
    }

    /// <summary>
    /// The Voronoi edges, as ST_VoronoiLines(g) gives them: GEOS takes the boundary of every cell before
    /// clipping and intersects that linework with the envelope, so an edge shared by two cells is one line.
    /// </summary>
    public static IEnumerable<Geometry> VoronoiLines(Geometry g)
    {
        if (VoronoiOf(g) is not { } builder) return [];
        var subdivision = builder.GetSubdivision();
        var rings = subdivision.GetVoronoiCellPolygons(Factory).Cast<Polygon>().Select(p => (LineString)p.ExteriorRing).ToArray();
        var envelope = Factory.ToGeometry(DefaultClip(g));
        return SimpleParts(envelope.Intersection(Factory.CreateMultiLineString(rings)));
    }

    /// <summary>The triangles, as ST_DelaunayTriangles(g) gives them (polygons).</summary>
    public static IEnumerable<Geometry> DelaunayTriangles(Geometry g) =>
        DelaunayOf(g) is { } builder ? SimpleParts(builder.GetTriangles(Factory)) : [];

    /// <summary>The triangles' edges, as ST_DelaunayTriangles(g, 0, 1) gives them (lines).</summary>
    public static IEnumerable<Geometry> DelaunayLines(Geometry g) =>
        DelaunayOf(g) is { } builder ? SimpleParts(builder.GetEdges(Factory)) : [];

    private static VoronoiDiagramBuilder? VoronoiOf(Geometry g)
    {
        if (g.IsEmpty || DistinctVertices(g) < 2) return null;
        var builder = new VoronoiDiagramBuilder { ClipEnvelope = DefaultClip(g) };
        builder.SetSites(g);
        return builder;
    }

    private static DelaunayTriangulationBuilder? DelaunayOf(Geometry g)
    {
        if (g.IsEmpty || DistinctVertices(g) < 3) return null;
        var builder = new DelaunayTriangulationBuilder();
        builder.SetSites(g);
        return builder;
    }

    private static int DistinctVertices(Geometry g) => g.Coordinates.Select(c => (c.X, c.Y)).Distinct().Take(3).Count();

    /// <summary>GEOS's clip: the sites' envelope grown on every side by its larger dimension.</summary>
    private static Envelope DefaultClip(Geometry g)
    {
        var envelope = new Envelope(g.EnvelopeInternal);
        envelope.ExpandBy(Math.Max(envelope.Width, envelope.Height));
        return envelope;
    }
}
