using NetTopologySuite.Geometries;

namespace Cwf.Interpretation.Geo;

/// <summary>The simple parts of a geometry, as PostGIS ST_Dump gives them (native.dump).</summary>
internal static partial class Geography
{
    /// <summary>
    /// Points, lines and polygons in order, collections opened all the way down with an explicit
    /// stack (no recursion over nesting). An empty single geometry or collection has no part; an empty
    /// member of a collection is a part (PostGIS 3).
    /// </summary>
    public static IEnumerable<Geometry> SimpleParts(Geometry g)
    {
        if (g is not GeometryCollection)
        {
            if (!g.IsEmpty) yield return g;
            yield break;
        }
        var pending = new Stack<Geometry>();
        pending.Push(g);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (next is GeometryCollection collection)
            {
                for (int i = collection.NumGeometries - 1; i >= 0; i--) pending.Push(collection.GetGeometryN(i));
                continue;
            }
            yield return next;
        }
    }
}
