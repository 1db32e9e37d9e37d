using Cwf.Interpretation.Evaluation;
using Cwf.Interpretation.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Cwf.Interpretation.H3;

/// <summary>
/// The H3 cells of a polygon at a resolution, by containment mode (h3's polygonToCellsExperimental with
/// CONTAINMENT_CENTER, CONTAINMENT_OVERLAPPING, CONTAINMENT_FULL). Edges are straight on lon/lat, as
/// h3 draws them. The cells that touch the polygon form one connected patch per polygon, so a
/// breadth-first walk from the cell of each polygon's first vertex, stepping to neighbours that touch
/// it, meets every candidate; the mode then filters them.
/// </summary>
public static class H3Polyfill
{
    /// <summary>The cells, ascending; none for a geometry without polygons. <paramref name="limit"/> bounds the cells visited.</summary>
    public static IReadOnlyList<ulong> Cells(Geometry geometry, int resolution, CellContainment mode, int limit)
    {
        var polygons = Geography.Components(geometry).OfType<Polygon>().Where(p => !p.IsEmpty).ToList();
        if (polygons.Count == 0) return [];
        var shape = PreparedGeometryFactory.Prepare(polygons.Count == 1 ? polygons[0] : Geography.Factory.CreateMultiPolygon([.. polygons]));
        var seen = new HashSet<ulong>();
        var pending = new Queue<ulong>();
        foreach (var polygon in polygons)
        {
            var start = polygon.ExteriorRing.Coordinates[0];
            if (H3Index.FromLatLng(start.Y, start.X, resolution) is { } seed && seen.Add(seed)) pending.Enqueue(seed);
        }
        var result = new List<ulong>();
        while (pending.Count > 0)
        {
            var cell = pending.Dequeue();
            var outline = H3Boundary.Polygon(cell);
            if (!shape.Intersects(outline)) continue;
            if (seen.Count > limit)
                throw new InterpretationException(Cwf.Diagnostics.DiagnosticCodes.RuntimeInvalidArgument,
                    $"the H3 polyfill at resolution {resolution} would visit more than {limit:N0} cells; choose a coarser resolution");
            if (Keeps(shape, cell, outline, mode)) result.Add(cell);
            foreach (var n in H3Grid.Neighbors(cell))
                if (seen.Add(n)) pending.Enqueue(n);
        }
        result.Sort();
        return result;
    }

    private static bool Keeps(IPreparedGeometry shape, ulong cell, Geometry outline, CellContainment mode) => mode switch
    {
        CellContainment.Center => H3Index.Center(cell) is var (lat, lng) && shape.Covers(Geography.Factory.CreatePoint(new Coordinate(lng, lat))),
        CellContainment.Intersects => true,
        CellContainment.Contains => shape.Covers(outline),
        _ => throw new InvalidOperationException($"Unknown containment {mode}."),
    };
}
