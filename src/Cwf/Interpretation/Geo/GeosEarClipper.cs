using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index;
using NetTopologySuite.Triangulate.Tri;

namespace Cwf.Interpretation.Geo;

/// <summary>
/// GEOS 3.11's PolygonEarClipper as its constrained triangulation calls it (flat corners kept): the triangles
/// of one ring, which may touch itself where holes were joined, cut off as ears while walking round it. The
/// same algorithm as NetTopologySuite 2.6's, which is internal there.
/// </summary>
internal sealed class GeosEarClipper
{
    private const int NoVertex = -1;

    private readonly Coordinate[] _vertex;

    /// <summary>The next vertex of each vertex still in the ring; <see cref="NoVertex"/> once removed.</summary>
    private readonly int[] _next;

    private readonly VertexSequencePackedRtree _index;
    private readonly int[] _corner = [0, 1, 2];
    private int _size;
    private int _first;

    private GeosEarClipper(Coordinate[] ring)
    {
        _vertex = ring;
        _size = ring.Length - 1;
        _next = new int[_size];
        for (var i = 0; i < _size; i++) _next[i] = i + 1;
        _next[_size - 1] = 0;
        _index = new VertexSequencePackedRtree(ring);
    }

    /// <summary>The triangles of a closed ring oriented clockwise, in the order they are cut off.</summary>
    public static List<Tri> Triangulate(Coordinate[] ring) => new GeosEarClipper(ring).Compute();

    private List<Tri> Compute()
    {
        var tris = new List<Tri>();
        // Corners scanned since the last ear: more than twice round the ring means no ear can be found.
        var scanned = 0;
        var corner = new Coordinate[3];
        FetchCorner(corner);
        while (true)
        {
            if (!IsConvex(corner))
            {
                // A concave corner becomes convex once enough ears are cut; a degenerate one goes.
                if (IsCornerInvalid(corner)) RemoveCorner();
                scanned++;
                if (scanned > 2 * _size) throw new InvalidOperationException("Unable to find a convex corner");
            }
            else if (IsValidEar(_corner[1], corner))
            {
                tris.Add(Tri.Create(corner[0], corner[1], corner[2]));
                RemoveCorner();
                scanned = 0;
            }
            if (scanned > 2 * _size) throw new InvalidOperationException("Unable to find a valid ear");
            if (_size < 3) return tris;
            // Moving on after an ear too makes fewer skinny triangles.
            NextCorner(corner);
        }
    }

    private bool IsValidEar(int apex, Coordinate[] corner)
    {
        var found = IntersectingVertex(apex, corner);
        if (found == NoVertex) return true;
        // Another occurrence of the apex (a joined hole touches here) needs the edges at it checked.
        return _vertex[found].Equals2D(corner[1]) && IsValidEarScan(apex, corner);
    }

    /// <summary>A vertex still in the ring inside the corner's triangle, else another occurrence of the apex, else none.</summary>
    private int IntersectingVertex(int apex, Coordinate[] corner)
    {
        var box = new Envelope(corner[0], corner[1]);
        box.ExpandToInclude(corner[2]);
        var duplicateApex = NoVertex;
        foreach (var i in _index.Query(box))
        {
            if (i == apex || i == _vertex.Length - 1 || IsRemoved(i)) continue;
            var v = _vertex[i];
            if (v.Equals2D(corner[1])) duplicateApex = i;
            else if (v.Equals2D(corner[0]) || v.Equals2D(corner[2])) continue;
            else if (Triangle.Intersects(corner[0], corner[1], corner[2], v)) return i;
        }
        return duplicateApex;
    }

    /// <summary>Whether no edge at another occurrence of the apex lies inside the corner's angle.</summary>
    private bool IsValidEarScan(int apex, Coordinate[] corner)
    {
        var cornerAngle = AngleUtility.AngleBetweenOriented(corner[0], corner[1], corner[2]);
        var previous = _first;
        var current = _next[_first];
        for (var i = 0; i < _size; i++)
        {
            var v = _vertex[current];
            if (current != apex && v.Equals2D(corner[1]))
            {
                var angleOut = AngleUtility.AngleBetweenOriented(corner[0], corner[1], _vertex[_next[current]]);
                var angleIn = AngleUtility.AngleBetweenOriented(corner[0], corner[1], _vertex[previous]);
                if (angleOut > 0 && angleOut < cornerAngle) return false;
                if (angleIn > 0 && angleIn < cornerAngle) return false;
                if (angleOut == 0 && angleIn == cornerAngle) return false;
            }
            previous = current;
            current = _next[current];
        }
        return true;
    }

    private void RemoveCorner()
    {
        var apex = _corner[1];
        if (_first == apex) _first = _next[apex];
        _next[_corner[0]] = _next[apex];
        _index.RemoveAt(apex);
        _next[apex] = NoVertex;
        _size--;
        _corner[1] = _next[_corner[0]];
        _corner[2] = _next[_corner[1]];
    }

    private bool IsRemoved(int i) => _next[i] == NoVertex;

    private void FetchCorner(Coordinate[] corner)
    {
        corner[0] = _vertex[_corner[0]];
        corner[1] = _vertex[_corner[1]];
        corner[2] = _vertex[_corner[2]];
    }

    private void NextCorner(Coordinate[] corner)
    {
        _corner[0] = _next[_corner[0]];
        _corner[1] = _next[_corner[0]];
        _corner[2] = _next[_corner[1]];
        FetchCorner(corner);
    }

    private static bool IsConvex(Coordinate[] pts) => Orientation.Index(pts[0], pts[1], pts[2]) == OrientationIndex.Clockwise;

    private static bool IsCornerInvalid(Coordinate[] pts) => pts[1].Equals2D(pts[0]) || pts[1].Equals2D(pts[2]) || pts[0].Equals2D(pts[2]);
}
