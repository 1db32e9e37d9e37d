using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Index.Quadtree;

namespace Cwf.Interpretation.Geo;

/// <summary>
/// Douglas-Peucker that keeps topology as GEOS 3.11 computes it (PostGIS 3.3's ST_SimplifyPreserveTopology):
/// every line and ring is simplified from its first to its last vertex, so a ring keeps its first vertex even when
/// it is collinear (NetTopologySuite 2.6's simplifier moves ring ends, as JTS 1.20 does, and then keeps other
/// vertices: 90 of the benchmark's 220 countries came out differently). A section is flattened only when its
/// vertices lie within the tolerance of the shortcut, the line keeps its minimum size (4 for a closed line, 2 for
/// another) and the shortcut crosses no segment of any line, neither one already simplified nor one of the input
/// still standing (a segment of the section itself excepted). Lines are simplified in the order of their
/// components (GEOS takes them from a hash table keyed by address: where two lines' shortcuts block each other,
/// the one simplified first may differ there).
/// </summary>
internal static class TopologyPreservingSimplification
{
    public static Geometry Simplify(Geometry g, double tolerance)
    {
        if (g.IsEmpty) return g.Copy();
        var lines = LinearComponentExtracter.GetLines(g).Cast<LineString>().Select(l => new TaggedLine(l)).ToList();
        var input = new Quadtree<TaggedSegment>();
        var output = new Quadtree<TaggedSegment>();
        foreach (var segment in lines.SelectMany(l => l.Segments)) input.Insert(segment.Envelope, segment);
        var intersector = new RobustLineIntersector();
        foreach (var line in lines) Simplify(line, tolerance, input, output, intersector);
        return new SimplifiedLines(lines.ToDictionary(l => l.Input, l => l, (IEqualityComparer<LineString>)ReferenceEqualityComparer.Instance)).Transform(g);
    }

    private static void Simplify(TaggedLine line, double tolerance, Quadtree<TaggedSegment> input, Quadtree<TaggedSegment> output, LineIntersector intersector)
    {
        var points = line.Points;
        if (points.Length < 2) return;
        // Sections left to simplify, the next on top: the first half of a split before its second, as GEOS recurses.
        var sections = new Stack<(int From, int To, int Depth)>();
        sections.Push((0, points.Length - 1, 0));
        while (sections.TryPop(out var section))
        {
            var (i, j, depth) = (section.From, section.To, section.Depth + 1);
            if (i + 1 == j)
            {
                line.Result.Add(line.Segments[i]);
                continue;
            }
            // Flattening must leave the line its minimum size even if every later section were flattened too.
            bool flatten = line.ResultSize >= line.MinimumSize || depth + 1 >= line.MinimumSize;
            int furthest = Furthest(points, i, j, out double distance);
            if (distance > tolerance) flatten = false;
            var shortcut = new TaggedSegment(points[i], points[j], null, -1);
            if (flatten && !CrossesAny(shortcut, line, i, j, input, output, intersector))
            {
                for (int k = i; k < j; k++) input.Remove(line.Segments[k].Envelope, line.Segments[k]);
                output.Insert(shortcut.Envelope, shortcut);
                line.Result.Add(shortcut);
                continue;
            }
            sections.Push((furthest, j, depth));
            sections.Push((i, furthest, depth));
        }
    }

    /// <summary>The vertex strictly between i and j farthest from the segment i–j (the first of equals), and its distance; -1 when there is none.</summary>
    private static int Furthest(Coordinate[] points, int i, int j, out double distance)
    {
        var segment = new LineSegment(points[i], points[j]);
        distance = -1;
        int index = i;
        for (int k = i + 1; k < j; k++)
        {
            double d = segment.Distance(points[k]);
            if (d > distance) (distance, index) = (d, k);
        }
        return index;
    }

    /// <summary>
    /// Whether the shortcut meets a segment of the output, or of the input other than the section it replaces
    /// (segments i to j − 1 of its own line), anywhere but at their end points.
    /// </summary>
    private static bool CrossesAny(TaggedSegment shortcut, TaggedLine line, int i, int j, Quadtree<TaggedSegment> input, Quadtree<TaggedSegment> output, LineIntersector intersector)
    {
        foreach (var other in output.Query(shortcut.Envelope))
            if (other.Envelope.Intersects(shortcut.Envelope) && MeetsInside(other, shortcut, intersector)) return true;
        foreach (var other in input.Query(shortcut.Envelope))
        {
            if (!other.Envelope.Intersects(shortcut.Envelope) || !MeetsInside(other, shortcut, intersector)) continue;
            bool replaced = ReferenceEquals(other.Line, line) && other.Index >= i && other.Index < j;
            if (!replaced) return true;
        }
        return false;
    }

    private static bool MeetsInside(TaggedSegment a, TaggedSegment b, LineIntersector intersector)
    {
        intersector.ComputeIntersection(a.P0, a.P1, b.P0, b.P1);
        return intersector.IsInteriorIntersection();
    }

    private sealed class TaggedSegment(Coordinate p0, Coordinate p1, TaggedLine? line, int index)
    {
        public Coordinate P0 { get; } = p0;
        public Coordinate P1 { get; } = p1;
        /// <summary>The input line the segment belongs to; null for a shortcut.</summary>
        public TaggedLine? Line { get; } = line;
        public int Index { get; } = index;
        public Envelope Envelope { get; } = new(p0, p1);
    }

    private sealed class TaggedLine
    {
        public TaggedLine(LineString line)
        {
            Input = line;
            Points = line.Coordinates;
            MinimumSize = line.IsClosed ? 4 : 2;
            Segments = [.. Enumerable.Range(0, Math.Max(0, Points.Length - 1)).Select(k => new TaggedSegment(Points[k], Points[k + 1], this, k))];
        }

        public LineString Input { get; }
        public Coordinate[] Points { get; }
        public int MinimumSize { get; }
        public TaggedSegment[] Segments { get; }
        public List<TaggedSegment> Result { get; } = [];

        /// <summary>The vertices of the result so far.</summary>
        public int ResultSize => Result.Count == 0 ? 0 : Result.Count + 1;

        public Coordinate[] ResultPoints() =>
            Result.Count == 0 ? Points : [.. Result.Select(s => s.P0.Copy()), Result[^1].P1.Copy()];
    }

    /// <summary>The input geometry with each line's coordinates replaced by its simplified ones; points stay.</summary>
    private sealed class SimplifiedLines(Dictionary<LineString, TaggedLine> lines) : GeometryTransformer
    {
        protected override CoordinateSequence TransformCoordinates(CoordinateSequence coords, Geometry parent) =>
            parent is LineString line && lines.TryGetValue(line, out var tagged)
                ? Factory.CoordinateSequenceFactory.Create(tagged.ResultPoints())
                : base.TransformCoordinates(coords, parent);
    }
}
