using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;

namespace Cwf.Interpretation.Geo;

/// <summary>
/// The spatial aggregates (issue 16) as PostGIS computes them over a group's geometries (NULLs left out
/// by the caller, the geometries valid by the validity policy): the union as GEOS's unary union, the
/// others over the collection of the inputs.
/// </summary>
internal static partial class Geography
{
    /// <summary>
    /// ST_Union: GEOS's unary union (PostGIS 3.3 hands the group to GEOSUnaryUnion), so that overlaps and shared
    /// edges dissolve. Polygons alone are unioned in GEOS's cascaded order (<see cref="GeosPolygonUnion"/>), so that
    /// rings start and parts follow as on PostGIS; mixed or empty groups by NetTopologySuite's OverlayNG unary union.
    /// </summary>
    public static Geometry UnionOf(IReadOnlyList<Geometry> geometries)
    {
        try
        {
            return geometries.All(g => g is IPolygonal) && geometries.Any(g => !g.IsEmpty)
                ? Plain(GeosPolygonUnion.Union(geometries, Factory))
                : Plain(UnaryUnionNG.Union(Collection(geometries), Factory.PrecisionModel));
        }
        catch (Exception e) when (IsTopologyFailure(e))
        {
            throw new GeographyException($"st_union_agg failed: {e.Message}");
        }
    }

    /// <summary>ST_Collect: a multi-geometry of one kind, else a collection; made valid (overlapping polygons of a multipolygon merge).</summary>
    public static Geometry CollectOf(IReadOnlyList<Geometry> geometries) => Valid(Collection(geometries));

    /// <summary>ST_Envelope(ST_Collect(...)): the box of every input on lon/lat.</summary>
    public static Geometry ExtentOf(IReadOnlyList<Geometry> geometries) => Envelope(Collection(geometries));

    /// <summary>ST_ConvexHull(ST_Collect(...)).</summary>
    public static Geometry ConvexHullOf(IReadOnlyList<Geometry> geometries) => ConvexHull(Collection(geometries));

    /// <summary>ST_Centroid(ST_Collect(...)): weighted by the highest dimension present, overlaps counted as often as they occur.</summary>
    public static Geometry CentroidOf(IReadOnlyList<Geometry> geometries) => Centroid(Collection(geometries));

    /// <summary>
    /// The inputs as one geometry, as PostGIS's ST_Collect builds it: a multipoint, multilinestring or
    /// multipolygon when every input is that kind of single geometry, else a collection of the inputs.
    /// </summary>
    private static Geometry Collection(IReadOnlyList<Geometry> geometries) =>
        geometries.All(g => g is Point) ? Factory.CreateMultiPoint([.. geometries.Cast<Point>()])
        : geometries.All(g => g is LineString and not LinearRing) ? Factory.CreateMultiLineString([.. geometries.Cast<LineString>()])
        : geometries.All(g => g is Polygon) ? Factory.CreateMultiPolygon([.. geometries.Cast<Polygon>()])
        : Factory.CreateGeometryCollection([.. geometries]);
}
