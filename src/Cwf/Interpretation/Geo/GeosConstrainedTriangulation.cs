using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate.Tri;

namespace Cwf.Interpretation.Geo;

/// <summary>
/// GEOS 3.11's ConstrainedDelaunayTriangulator of one polygon (PostGIS 3.3's ST_TriangulatePolygon): the polygon
/// normalized, its holes joined into one ring by <see cref="GeosHoleJoiner"/>, cut into ears by
/// <see cref="GeosEarClipper"/>, the triangles linked to their neighbours and flipped towards Delaunay by
/// <see cref="GeosTriDelaunayImprover"/>. NetTopologySuite 2.6's triangulator joins holes by JTS's later algorithm.
/// </summary>
internal static class GeosConstrainedTriangulation
{
    /// <summary>The triangles of a polygon with at least one ring, in the order GEOS lists them.</summary>
    public static List<Tri> Triangulate(Polygon polygon)
    {
        // GEOS's normalization: the shell clockwise, holes counter-clockwise, each from its lowest vertex, the
        // holes in descending order (NetTopologySuite sorts them ascending).
        var normalized = (Polygon)polygon.Copy();
        normalized.Normalize();
        var holes = normalized.Holes;
        Array.Reverse(holes);
        normalized = normalized.Factory.CreatePolygon(normalized.Shell, holes);

        var tris = GeosEarClipper.Triangulate(GeosHoleJoiner.Join(normalized));
        TriangulationBuilder.Build(tris);
        GeosTriDelaunayImprover.Improve(tris);
        return tris;
    }
}
