namespace Cwf.Interpretation.H3;

/// <summary>
/// H3's grid relations: neighbours, the disk of cells within k steps (with each cell's step count),
/// children, and grid distance. H3 walks its grid through per-base-cell neighbour and rotation
/// tables that this port does not carry; it finds a cell's neighbours geometrically instead: each
/// edge of the cell is a great-circle arc it shares with exactly one neighbour, so a point just
/// outside the middle of each edge lies in that neighbour (a pentagon has five). The disk is then
/// a breadth-first walk, whose step counts are H3's grid distances; checked against h3-js.
/// </summary>
public static class H3Grid
{
    private const double DegToRad = Math.PI / 180;

    /// <summary>The cells sharing an edge with a valid cell (six, five around a pentagon), ascending.</summary>
    public static IReadOnlyList<ulong> Neighbors(ulong cell)
    {
        var boundary = H3Index.Boundary(cell)!;
        var (cLat, cLng) = H3Index.Center(cell)!.Value;
        var center = Vec3.FromGeo(cLat * DegToRad, cLng * DegToRad);
        int res = H3Index.Resolution(cell);
        var found = new SortedSet<ulong>();
        for (int i = 0; i < boundary.Count; i++)
        {
            var a = Vec3.FromGeo(boundary[i].Lat * DegToRad, boundary[i].Lng * DegToRad);
            var (bLat, bLng) = boundary[(i + 1) % boundary.Count];
            var b = Vec3.FromGeo(bLat * DegToRad, bLng * DegToRad);
            double edge = Math.Sqrt(a.SquareDistance(b));
            if (edge == 0) continue;
            var middle = Vec3.LinComb(0.5, a, 0.5, b).Normalize();
            // Outward by a tenth of the edge at most: far from the cells that meet at the edge's ends.
            var outward = Vec3.LinComb(1, middle, -1, center);
            double step = 0.1 * Math.Min(edge, Math.Sqrt(Vec3.Dot(outward, outward))) / Math.Sqrt(Vec3.Dot(outward, outward));
            var (lat, lng) = Vec3.LinComb(1, middle, step, outward).Normalize().ToGeo();
            if (H3Index.FromLatLng(lat / DegToRad, lng / DegToRad, res) is { } neighbor && neighbor != cell) found.Add(neighbor);
        }
        return [.. found];
    }

    /// <summary>
    /// The cells within <paramref name="k"/> steps of a valid cell with their step counts (h3's gridDiskDistances),
    /// ordered by distance, then cell.
    /// </summary>
    public static IReadOnlyList<(ulong Cell, int Distance)> Disk(ulong origin, int k)
    {
        var result = new List<(ulong, int)> { (origin, 0) };
        var seen = new HashSet<ulong> { origin };
        var ring = new List<ulong> { origin };
        for (int d = 1; d <= k && ring.Count > 0; d++)
        {
            var next = new SortedSet<ulong>();
            foreach (var cell in ring)
                foreach (var n in Neighbors(cell))
                    if (seen.Add(n)) next.Add(n);
            ring = [.. next];
            result.AddRange(ring.Select(c => (c, d)));
        }
        return result;
    }

    /// <summary>
    /// The grid distance between two valid cells of one resolution: a walk that always steps to the neighbour
    /// whose center is nearest the destination's, which on H3's nearly regular grid takes the fewest steps.
    /// Null for cells of different resolutions, and where the walk does not arrive within <paramref name="limit"/>
    /// steps or stops getting nearer (h3's gridDistance fails there too: across pentagon distortion).
    /// </summary>
    public static long? Distance(ulong origin, ulong destination, int limit = 100_000)
    {
        if (H3Index.Resolution(origin) != H3Index.Resolution(destination)) return null;
        var target = CenterVector(destination);
        var cell = origin;
        double nearest = Vec3.Dot(CenterVector(cell), target);
        for (int steps = 0; steps <= limit; steps++)
        {
            if (cell == destination) return steps;
            ulong best = 0;
            double bestDot = double.NegativeInfinity;
            foreach (var n in Neighbors(cell))
            {
                if (n == destination) return steps + 1;
                double dot = Vec3.Dot(CenterVector(n), target);
                if (dot > bestDot) (best, bestDot) = (n, dot);
            }
            if (bestDot <= nearest) return null;
            (cell, nearest) = (best, bestDot);
        }
        return null;
    }

    /// <summary>The children of a valid cell at a resolution from its own to 15, ascending (h3's cellToChildren).</summary>
    public static IReadOnlyList<ulong> Children(ulong cell, int resolution)
    {
        var cells = new List<ulong> { cell };
        for (int r = H3Index.Resolution(cell) + 1; r <= resolution; r++)
        {
            var next = new List<ulong>(cells.Count * 7);
            foreach (var parent in cells)
            {
                bool pentagon = H3Index.IsPentagon(parent);
                for (int digit = 0; digit < 7; digit++)
                {
                    // A pentagon has no child in the deleted K-axis direction (digit 1).
                    if (pentagon && digit == 1) continue;
                    next.Add(H3Index.Child(parent, r, digit));
                }
            }
            cells = next;
        }
        cells.Sort();
        return cells;
    }

    /// <summary>How many children a valid cell has at a finer resolution, without listing them.</summary>
    public static long ChildCount(ulong cell, int resolution)
    {
        int levels = resolution - H3Index.Resolution(cell);
        if (levels <= 0) return levels == 0 ? 1 : 0;
        long hexagons = (long)Math.Pow(7, levels);
        // A pentagon's children: one pentagon and five hexagon subtrees per level.
        return H3Index.IsPentagon(cell) ? 1 + 5 * (hexagons - 1) / 6 : hexagons;
    }

    private static Vec3 CenterVector(ulong cell)
    {
        var (lat, lng) = H3Index.Center(cell)!.Value;
        return Vec3.FromGeo(lat * DegToRad, lng * DegToRad);
    }
}
