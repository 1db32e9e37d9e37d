using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Cwf.Interpretation.Geo;

/// <summary>
/// The "structure" method of GEOS 3.11's MakeValid (its GeometryFixer, which PostGIS 3.3's
/// <c>ST_MakeValid(g, 'method=structure')</c> calls): each ring repaired by a zero buffer of both orientations,
/// holes that touch their shell subtracted, the others made shells, and the shells unioned. NetTopologySuite's
/// GeometryFixer is the Java original of the same steps, used here for points, lines and single rings; its
/// unions of several polygons run in another order than GEOS's and start rings at other vertices, so the
/// polygonal steps take <see cref="GeosPolygonUnion"/> instead. On the benchmark's 83 invalid countries this
/// gives PostGIS's repairs: 80 vertex for vertex, 3 with the same rings in another order (spec/interpreter.md).
/// </summary>
internal static class StructureRepair
{
    public static Geometry Fix(Geometry g)
    {
        if (g.NumGeometries == 0) return g.Copy();
        return g switch
        {
            Polygon p => FixPolygon(p) ?? g.Factory.CreatePolygon(),
            MultiPolygon m => FixMultiPolygon(m),
            GeometryCollection c when c.OgcGeometryType == OgcGeometryType.GeometryCollection => FixCollection(c),
            _ => GeometryFixer.Fix(g),
        };
    }

    /// <summary>A multipolygon stays one, as NetTopologySuite's fixer keeps it and PostGIS casts it back.</summary>
    private static Geometry FixMultiPolygon(MultiPolygon m)
    {
        var fixedParts = new List<Geometry>();
        for (var i = 0; i < m.NumGeometries; i++)
        {
            if (FixPolygon((Polygon)m.GetGeometryN(i)) is { IsEmpty: false } part) fixedParts.Add(part);
        }
        if (fixedParts.Count == 0) return m.Factory.CreateMultiPolygon();
        var union = GeosPolygonUnion.Union(fixedParts, m.Factory);
        return union is Polygon single ? m.Factory.CreateMultiPolygon([single]) : union;
    }

    /// <summary>The members one by one (as deep as collections nest in the geometry, as in GEOS).</summary>
    private static Geometry FixCollection(GeometryCollection c)
    {
        var members = new Geometry[c.NumGeometries];
        for (var i = 0; i < members.Length; i++) members[i] = Fix(c.GetGeometryN(i));
        return c.Factory.CreateGeometryCollection(members);
    }

    /// <summary>GEOS's fixPolygonElement; null when the shell collapses.</summary>
    private static Geometry? FixPolygon(Polygon p)
    {
        var shell = FixRing(p.Shell);
        if (shell.IsEmpty) return null;
        if (p.NumInteriorRings == 0) return shell;

        var prepared = PreparedGeometryFactory.Prepare(shell);
        var holes = new List<Geometry>();
        var shells = new List<Geometry>();
        for (var i = 0; i < p.NumInteriorRings; i++)
        {
            var hole = FixRing(p.GetInteriorRingN(i));
            (prepared.Intersects(hole) ? holes : shells).Add(hole);
        }
        var withHoles = holes.Count switch
        {
            0 => shell,
            1 => OverlayNGRobust.Overlay(shell, holes[0], SpatialFunction.Difference),
            _ => OverlayNGRobust.Overlay(shell, GeosPolygonUnion.Union(holes, p.Factory), SpatialFunction.Difference),
        };
        if (shells.Count == 0) return withHoles;
        shells.Add(withHoles);
        return GeosPolygonUnion.Union(shells, p.Factory);
    }

    /// <summary>
    /// GEOS's fixRing, a zero buffer of the ring as a polygon in both orientations: NetTopologySuite's fixer of a
    /// polygon without holes computes exactly that (its BufferOp.BufferByZero is internal).
    /// </summary>
    private static Geometry FixRing(LineString ring) => GeometryFixer.Fix(ring.Factory.CreatePolygon(ring.Coordinates), isKeepMulti: false);
}
