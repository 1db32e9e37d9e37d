using Cwf.Diagnostics;
using Cwf.Interpretation.Evaluation;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Cwf.Interpretation.Geo;

/// <summary>
/// The spatial clusterings of a window partition, planar on lon/lat as PostGIS's window functions compute
/// them on <c>geometry</c> (spec/interpreter.md, "Clustering"). Both take the partition's geographies in
/// input order and return a cluster id (0-based) or NULL per row.
/// </summary>
internal static class Clustering
{
    private const int MaxIterations = 1000;

    /// <summary>
    /// ST_ClusterKMeans: a point stands for itself, another geography for its centroid; NULL and empty get NULL.
    /// Lloyd's iterations from PostGIS 3.3's deterministic start: the two points found farthest apart by one greedy
    /// pass, then repeatedly the point farthest from the centers taken. Fewer rows than clusters is an error,
    /// as on PostGIS; fewer non-empty geographies than clusters gives fewer clusters.
    /// </summary>
    public static long?[] KMeans(IReadOnlyList<Geometry?> geographies, long k)
    {
        var result = new long?[geographies.Count];
        if (geographies.Count == 0) return result;
        if (geographies.Count < k)
            throw new InterpretationException(DiagnosticCodes.RuntimeInvalidArgument,
                $"cluster_kmeans: {geographies.Count} rows cannot form {k} clusters", "ask for at most as many clusters as there are rows");
        var rows = new List<int>();
        var points = new List<Coordinate>();
        for (int i = 0; i < geographies.Count; i++)
        {
            if (geographies[i] is not { IsEmpty: false } g) continue;
            var c = g is Point p ? p.Coordinate : g.Centroid.Coordinate;
            if (c is null || double.IsNaN(c.X)) continue;
            rows.Add(i);
            points.Add(new Coordinate(c.X, c.Y));
        }
        if (points.Count == 0) return result;
        int clusters = (int)Math.Min(k, points.Count);
        var assignment = Lloyd(points, Start(points, clusters));
        for (int i = 0; i < rows.Count; i++) result[rows[i]] = assignment[i];
        return result;
    }

    private static double Distance2(Coordinate a, Coordinate b)
    {
        double dx = b.X - a.X, dy = b.Y - a.Y;
        return dx * dx + dy * dy;
    }

    private static Coordinate[] Start(List<Coordinate> points, int k)
    {
        var centers = new Coordinate[k];
        if (k < 2)
        {
            centers[0] = points[0];
            return centers;
        }
        int p1 = 0, p2 = 0;
        double farthest = -1;
        for (int i = 1; i < points.Count; i++)
        {
            double d1 = Distance2(points[i], points[p1]), d2 = Distance2(points[i], points[p2]);
            if (d1 > farthest || d2 > farthest)
            {
                if (d1 > d2) (farthest, p2) = (d1, i);
                else (farthest, p1) = (d2, i);
            }
        }
        centers[0] = points[p1];
        centers[1] = points[p2];
        var nearest = points.Select(p => Distance2(p, centers[0])).ToArray();
        nearest[p1] = nearest[p2] = -1;
        for (int c = 2; c < k; c++)
        {
            int candidate = 0;
            double best = double.MinValue;
            for (int j = 0; j < points.Count; j++)
            {
                if (nearest[j] < 0) continue;
                nearest[j] = Math.Min(nearest[j], Distance2(points[j], centers[c - 1]));
                if (nearest[j] > best) (best, candidate) = (nearest[j], j);
            }
            nearest[candidate] = -1;
            centers[c] = points[candidate];
        }
        return centers;
    }

    private static long[] Lloyd(List<Coordinate> points, Coordinate[] centers)
    {
        var assignment = new long[points.Count];
        Assign(points, centers, assignment);
        Recenter(points, centers, assignment);
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            if (Assign(points, centers, assignment)) return assignment;
            Recenter(points, centers, assignment);
        }
        throw new InterpretationException(DiagnosticCodes.RuntimeInvalidArgument,
            $"cluster_kmeans did not converge after {MaxIterations} iterations", "ask for fewer clusters");
    }

    // Each point to its nearest center (the first on a tie); true when nothing moved.
    private static bool Assign(List<Coordinate> points, Coordinate[] centers, long[] assignment)
    {
        bool converged = true;
        for (int i = 0; i < points.Count; i++)
        {
            int best = 0;
            double distance = Distance2(points[i], centers[0]);
            for (int c = 1; c < centers.Length; c++)
            {
                double d = Distance2(points[i], centers[c]);
                if (d < distance) (distance, best) = (d, c);
            }
            if (assignment[i] != best) converged = false;
            assignment[i] = best;
        }
        return converged;
    }

    // A cluster left without points keeps the origin as its center, as PostGIS's does.
    private static void Recenter(List<Coordinate> points, Coordinate[] centers, long[] assignment)
    {
        var sums = new (double X, double Y, int N)[centers.Length];
        for (int i = 0; i < points.Count; i++)
        {
            ref var s = ref sums[assignment[i]];
            s = (s.X + points[i].X, s.Y + points[i].Y, s.N + 1);
        }
        for (int c = 0; c < centers.Length; c++)
            centers[c] = sums[c].N == 0 ? new Coordinate(0, 0) : new Coordinate(sums[c].X / sums[c].N, sums[c].Y / sums[c].N);
    }

    /// <summary>
    /// ST_ClusterDBSCAN: a geography with at least <paramref name="minPoints"/> geographies (itself included) within
    /// <paramref name="eps"/> degrees (planar minimum distance) is a core; cores within eps of each other share a
    /// cluster; a non-core within eps of a core joins the first such core's cluster in input order (PostGIS leaves that
    /// choice to its index); the rest are noise (NULL), as are NULL and empty geographies. Clusters are numbered from 0
    /// in the order of their first row.
    /// </summary>
    public static long?[] Dbscan(IReadOnlyList<Geometry?> geographies, double eps, long minPoints)
    {
        int n = geographies.Count;
        var result = new long?[n];
        var tree = new STRtree<int>();
        for (int i = 0; i < n; i++)
            if (geographies[i] is { IsEmpty: false } g) tree.Insert(g.EnvelopeInternal, i);
        if (tree.Count == 0) return result;
        tree.Build();

        // The neighbours are found twice (to know the cores, then to join them) rather than kept: dense data would hold n² pairs.
        List<int> Neighbours(Geometry g)
        {
            var window = new Envelope(g.EnvelopeInternal);
            window.ExpandBy(eps);
            var near = tree.Query(window).Where(j => geographies[j]!.Distance(g) <= eps).ToList();
            near.Sort();
            return near;
        }
        var core = new bool[n];
        for (int i = 0; i < n; i++)
            if (geographies[i] is { IsEmpty: false } g) core[i] = Neighbours(g).Count >= minPoints;

        var parent = Enumerable.Range(0, n).ToArray();
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        var member = new bool[n];
        for (int i = 0; i < n; i++)
        {
            if (!core[i]) continue;
            member[i] = true;
            foreach (int j in Neighbours(geographies[i]!))
            {
                if (core[j]) parent[Find(j)] = Find(i);
                else if (!member[j])
                {
                    member[j] = true;
                    parent[Find(j)] = Find(i);
                }
            }
        }

        var ids = new Dictionary<int, long>();
        for (int i = 0; i < n; i++)
        {
            if (!member[i]) continue;
            int root = Find(i);
            if (!ids.TryGetValue(root, out long id)) ids.Add(root, id = ids.Count);
            result[i] = id;
        }
        return result;
    }
}
