using Cwf.Interpretation.Evaluation;
using Cwf.Interpretation.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Cwf.Interpretation.Quadbin;

/// <summary>
/// Sets of Quadbin cells: the tiles of a polygon by containment mode, the square of tiles within k
/// steps, and children; as the Analytics Toolbox's QUADBIN_POLYFILL_MODE, QUADBIN_KRING(_DISTANCES)
/// and QUADBIN_TOCHILDREN compute them.
/// </summary>
public static class QuadbinGrid
{
    /// <summary>
    /// The tiles within <paramref name="k"/> steps of a valid cell, each with its Chebyshev distance, ordered by
    /// distance, then cell. Columns wrap around the antimeridian; rows stop at the map's edge (the toolbox's rule).
    /// </summary>
    public static IReadOnlyList<(long Cell, int Distance)> KRing(long origin, int k)
    {
        var (x, y, z) = QuadbinIndex.ToTile(origin);
        long tiles = 1L << z;
        var nearest = new Dictionary<long, int>();
        for (long dy = -k; dy <= k; dy++)
        {
            if (y + dy < 0 || y + dy >= tiles) continue;
            for (long dx = -k; dx <= k; dx++)
            {
                long cell = QuadbinIndex.FromTile(((x + dx) % tiles + tiles) % tiles, y + dy, z);
                int distance = (int)Math.Max(Math.Abs(dx), Math.Abs(dy));
                if (!nearest.TryGetValue(cell, out var d) || distance < d) nearest[cell] = distance;
            }
        }
        return [.. nearest.Select(p => (p.Key, p.Value)).OrderBy(p => p.Value).ThenBy(p => p.Key)];
    }

    /// <summary>The tiles of a valid cell at a zoom from its own to 26, ascending.</summary>
    public static IReadOnlyList<long> Children(long cell, int resolution)
    {
        var (x, y, z) = QuadbinIndex.ToTile(cell);
        int levels = resolution - z;
        long side = 1L << levels;
        var children = new List<long>((int)(side * side));
        for (long dy = 0; dy < side; dy++)
            for (long dx = 0; dx < side; dx++)
                children.Add(QuadbinIndex.FromTile((x << levels) + dx, (y << levels) + dy, resolution));
        children.Sort();
        return children;
    }

    /// <summary>
    /// The tiles of a polygon at a zoom, ascending: every tile of the polygon's box is tested (box, center
    /// point, on lon/lat like the IR's predicates); none for a geometry without polygons.
    /// <paramref name="limit"/> bounds the tiles tested.
    /// </summary>
    public static IReadOnlyList<long> Polyfill(Geometry geometry, int resolution, CellContainment mode, long limit)
    {
        var polygons = Geography.Components(geometry).OfType<Polygon>().Where(p => !p.IsEmpty).ToList();
        if (polygons.Count == 0) return [];
        var shape = PreparedGeometryFactory.Prepare(polygons.Count == 1 ? polygons[0] : Geography.Factory.CreateMultiPolygon([.. polygons]));
        var box = shape.Geometry.EnvelopeInternal;
        var (west, north) = Tile(box.MinX, box.MaxY, resolution);
        var (east, south) = Tile(box.MaxX, box.MinY, resolution);
        if ((east - west + 1) * (south - north + 1) > limit)
            throw new InterpretationException(Cwf.Diagnostics.DiagnosticCodes.RuntimeInvalidArgument,
                $"the Quadbin polyfill at resolution {resolution} would test more than {limit:N0} tiles; choose a coarser resolution");
        var result = new List<long>();
        for (long y = north; y <= south; y++)
        {
            for (long x = west; x <= east; x++)
            {
                long cell = QuadbinIndex.FromTile(x, y, resolution);
                if (Keeps(shape, cell, mode)) result.Add(cell);
            }
        }
        result.Sort();
        return result;
    }

    // The tile column and row of a point, without wrapping (a box's east edge at 180° stays in the last column).
    private static (long X, long Y) Tile(double lng, double lat, int z)
    {
        long tiles = 1L << z;
        double clamped = Math.Clamp(lat, -QuadbinIndex.MaxLatitude, QuadbinIndex.MaxLatitude) * Math.PI / 180;
        long x = Math.Clamp((long)Math.Floor(tiles * (lng / 360 + 0.5)), 0, tiles - 1);
        long y = Math.Clamp((long)Math.Floor(tiles * (0.5 - Math.Log(Math.Tan(Math.PI / 4 + clamped / 2)) / (2 * Math.PI))), 0, tiles - 1);
        return (x, y);
    }

    private static bool Keeps(IPreparedGeometry shape, long cell, CellContainment mode)
    {
        var (west, south, east, north) = QuadbinIndex.Bounds(cell);
        var factory = Geography.Factory;
        return mode switch
        {
            CellContainment.Center => QuadbinIndex.Center(cell) is var (lng, lat) && shape.Covers(factory.CreatePoint(new Coordinate(lng, lat))),
            CellContainment.Intersects => shape.Intersects(factory.ToGeometry(new Envelope(west, east, south, north))),
            CellContainment.Contains => shape.Covers(factory.ToGeometry(new Envelope(west, east, south, north))),
            _ => throw new InvalidOperationException($"Unknown containment {mode}."),
        };
    }
}
