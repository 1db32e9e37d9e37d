using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Noding;

namespace Cwf.Interpretation.Geo;

/// <summary>
/// GEOS 3.11's PolygonHoleJoiner, which PostGIS 3.3's concave hull of polygons triangulates through: the holes,
/// from the lowest envelope up, each joined to the ring built so far at the shell vertex nearest to the left of
/// the hole's leftmost vertex whose join line crosses no ring properly, into one self-touching ring.
/// NetTopologySuite 2.6 has the joiner JTS rewrote in 2023 (pull request 946, in GEOS from 3.12), which fails
/// ("Unable to find shell join index") on polygons the older one joins and joins others at other vertices.
/// Used only on the frame of <see cref="GeosConcaveHullOfPolygons"/>, whose shell lies beyond every hole, so a
/// shell vertex left of each hole and one right of it always exist.
/// </summary>
internal sealed class GeosHoleJoiner
{
    /// <summary>GEOS's tolerance for "leftmost" and for finding a join vertex again in the ring.</summary>
    private const double Eps = 1e-4;

    private readonly Polygon _polygon;
    private readonly MCIndexSegmentSetMutualIntersector _rings;
    private readonly List<Coordinate> _shell;

    /// <summary>The distinct vertices of <see cref="_shell"/> ordered by x, then y (GEOS's std::set).</summary>
    private List<Coordinate> _sorted = [];

    /// <summary>For each end of a join line, the other ends of the join lines there (GEOS's cutMap).</summary>
    private readonly Dictionary<Coordinate, List<Coordinate>> _cuts = [];

    private GeosHoleJoiner(Polygon polygon)
    {
        _polygon = polygon;
        _rings = new MCIndexSegmentSetMutualIntersector(SegmentStringUtil.ExtractSegmentStrings(polygon));
        _shell = [.. polygon.ExteriorRing.Coordinates];
    }

    /// <summary>The vertices of the joined ring, closed.</summary>
    public static Coordinate[] Join(Polygon polygon)
    {
        var joiner = new GeosHoleJoiner(polygon);
        if (polygon.NumInteriorRings > 0) joiner.JoinHoles();
        return [.. joiner._shell];
    }

    private void JoinHoles()
    {
        Insert(_shell);
        foreach (var hole in SortedHoles(_polygon)) JoinHole(hole);
    }

    /// <summary>
    /// Joins a hole at its leftmost vertex; where the nearest shell vertex lies at the same x (within
    /// <see cref="Eps"/>), at the pair of leftmost hole vertex and shell vertex of that x nearest in y.
    /// </summary>
    private void JoinHole(LineString hole)
    {
        var holeCoords = hole.Coordinates;
        var leftIndexes = LeftVertices(hole);
        var holeCoord = holeCoords[leftIndexes[0]];
        var candidates = LeftShellVertices(holeCoord);
        var shellCoord = candidates[0];
        var shortestHoleIndex = 0;
        if (Math.Abs(shellCoord.X - holeCoord.X) < Eps)
        {
            var shortest = double.PositiveInfinity;
            for (var i = 0; i < leftIndexes.Count; i++)
            {
                foreach (var candidate in candidates)
                {
                    var length = Math.Abs(candidate.Y - holeCoords[leftIndexes[i]].Y);
                    if (length < shortest)
                    {
                        shortest = length;
                        shortestHoleIndex = i;
                        shellCoord = candidate;
                    }
                }
            }
        }
        var shellIndex = ShellIndex(shellCoord, holeCoords[leftIndexes[shortestHoleIndex]]);
        AddHoleToShell(shellIndex, holeCoords, leftIndexes[shortestHoleIndex]);
    }

    /// <summary>
    /// Where in the ring the join at <paramref name="shellVertex"/> goes: a vertex joined before occurs once more
    /// for each join, and the join lines there are kept ordered by the y of their hole ends.
    /// </summary>
    private int ShellIndex(Coordinate shellVertex, Coordinate holeVertex)
    {
        var skip = 0;
        if (_cuts.TryGetValue(shellVertex, out var ends))
        {
            foreach (var end in ends)
            {
                if (end.Y < holeVertex.Y) skip++;
            }
            ends.Add(holeVertex);
        }
        else
        {
            _cuts[shellVertex] = [holeVertex];
        }
        _cuts.TryAdd(holeVertex, [holeVertex]);

        for (var i = 0; i < _shell.Count; i++)
        {
            if (!_shell[i].Equals2D(shellVertex, Eps)) continue;
            if (skip == 0) return i;
            skip--;
        }
        throw new InvalidOperationException("Vertex is not in shellcoords");
    }

    /// <summary>
    /// The shell vertex to join <paramref name="holeCoord"/> to: downwards in x-then-y order from the last vertex
    /// at or left of its x, the first whose join line crosses no ring; when that vertex has the hole's x, every
    /// vertex of that x from it down.
    /// </summary>
    private List<Coordinate> LeftShellVertices(Coordinate holeCoord)
    {
        var at = UpperBound(holeCoord);
        while (_sorted[at].X == holeCoord.X) at++;
        do
        {
            at--;
        }
        while (CrossesRings(holeCoord, _sorted[at]) && at != 0);

        if (_sorted[at].X != holeCoord.X) return [_sorted[at]];
        var x = _sorted[at].X;
        var list = new List<Coordinate>();
        while (_sorted[at].X == x)
        {
            list.Add(_sorted[at]);
            if (at == 0) break;
            at--;
        }
        return list;
    }

    /// <summary>The index of the first sorted vertex after <paramref name="c"/>.</summary>
    private int UpperBound(Coordinate c)
    {
        int low = 0, high = _sorted.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_sorted[mid].CompareTo(c) <= 0) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    /// <summary>Whether the join line from <paramref name="p0"/> to <paramref name="p1"/> crosses a ring of the polygon in the interior of both.</summary>
    private bool CrossesRings(Coordinate p0, Coordinate p1)
    {
        var detector = new SegmentIntersectionDetector(new RobustLineIntersector()) { FindProper = true };
        _rings.Process([new BasicSegmentString([p0, p1], null)], detector);
        return detector.HasProperIntersection;
    }

    /// <summary>
    /// Inserts the hole into the ring after the shell vertex: the shell vertex, the hole from its join vertex round
    /// to it again, then the shell vertex follows (without the repeated join when the two touch).
    /// </summary>
    private void AddHoleToShell(int shellIndex, Coordinate[] holeCoords, int holeIndex)
    {
        var shellJoin = _shell[shellIndex];
        var holeJoin = holeCoords[holeIndex];
        var touching = shellJoin.Equals2D(holeJoin);

        var section = new List<Coordinate>(holeCoords.Length + 1);
        if (!touching) section.Add(shellJoin);
        var count = holeCoords.Length - 1;
        var i = holeIndex;
        do
        {
            section.Add(holeCoords[i]);
            i = (i + 1) % count;
        }
        while (i != holeIndex);
        if (!touching) section.Add(holeJoin);

        _shell.InsertRange(shellIndex, section);
        Insert(section);
    }

    /// <summary>Merges new vertices into <see cref="_sorted"/>, each vertex once: linear in the ring's size.</summary>
    private void Insert(IEnumerable<Coordinate> coords)
    {
        var added = coords.Distinct().Order().ToList();
        var merged = new List<Coordinate>(_sorted.Count + added.Count);
        int a = 0, b = 0;
        while (a < _sorted.Count || b < added.Count)
        {
            var order = a == _sorted.Count ? 1 : b == added.Count ? -1 : _sorted[a].CompareTo(added[b]);
            if (order > 0) merged.Add(added[b++]);
            else merged.Add(_sorted[a++]);
            if (order == 0) b++;
        }
        _sorted = merged;
    }

    /// <summary>The holes by their envelopes (lowest x, then y, then highest x, y) with GEOS's unstable std::sort.</summary>
    private static List<LineString> SortedHoles(Polygon polygon)
    {
        var holes = new List<LineString>(polygon.InteriorRings);
        StdSort.Sort(holes, 0, holes.Count, static (a, b) => a.EnvelopeInternal.CompareTo(b.EnvelopeInternal) < 0);
        return holes;
    }

    /// <summary>The indexes of the ring's vertices within <see cref="Eps"/> of its lowest x, the closing vertex included.</summary>
    private static List<int> LeftVertices(LineString ring)
    {
        var coords = ring.Coordinates;
        var left = ring.EnvelopeInternal.MinX;
        var indexes = new List<int>();
        for (var i = 0; i < coords.Length; i++)
        {
            if (Math.Abs(coords[i].X - left) < Eps) indexes.Add(i);
        }
        return indexes;
    }
}
