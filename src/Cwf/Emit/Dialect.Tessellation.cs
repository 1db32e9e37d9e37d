using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// Voronoi diagrams and Delaunay triangulations as rows (issue 17, <c>native.voronoi</c>,
/// <c>native.delaunay</c>): an explode step whose value is the collection of the input's points. The IR
/// computes them as PostGIS does (GEOS: the vertices of the value, the Voronoi cells clipped to the
/// envelope GEOS extends around them); a warehouse without a translation says so (CWF6002).
/// </summary>
public abstract partial class Dialect
{
    /// <summary>How the warehouse makes one row per Voronoi cell or edge, Delaunay triangle or edge; by default it cannot.</summary>
    public virtual ExplodeSql Tessellation(ExplodeKind kind) => ExplodeSql.NotAvailable(
        $"{DisplayName} has no {TessellationName(kind)} function, and the CARTO Analytics Toolbox has none for it",
        "run the workflow on PostgreSQL/PostGIS or BigQuery, or compute it in a custom SQL step");

    /// <summary>What the kind computes, for messages.</summary>
    protected static string TessellationName(ExplodeKind kind) => kind switch
    {
        ExplodeKind.VoronoiPolygons => "Voronoi polygons",
        ExplodeKind.VoronoiLines => "Voronoi lines",
        ExplodeKind.DelaunayTriangles => "Delaunay triangles",
        _ => "Delaunay lines",
    };

    /// <summary>Where the toolbox computes the diagram its own way (turf/d3 on lon/lat, clipped to its own box).</summary>
    protected static FunctionNote ToolboxTessellationNote(string how) => FunctionNote.Limited(
        $"is computed by the CARTO Analytics Toolbox ({how}): the cells on the outside of the diagram reach another box than PostGIS's envelope, and the toolbox's edges are its own",
        "compare the inner cells, or clip the result to your area of interest");
}
