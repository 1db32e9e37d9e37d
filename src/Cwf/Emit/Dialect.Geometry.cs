using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>What the dialects share for the geometry toolbox (issue 16): the IR's conversion of meters to degrees and the notes on translations that differ from it.</summary>
public abstract partial class Dialect
{
    /// <summary>
    /// A tolerance in meters (<c>{1}</c>) as degrees, at the IR's 111,319.49 m per degree (a degree of
    /// longitude on the equator), for warehouses whose simplification works in coordinate units.
    /// </summary>
    protected const string ToleranceInDegrees = "{1} / 111319.49079327357";

    /// <summary>Where a warehouse writes GeoJSON its own way (number of digits, key order, spaces).</summary>
    protected static FunctionNote GeoJsonFormatNote(string how) => FunctionNote.Limited(
        $"the GeoJSON text is the warehouse's own ({how}); it describes the same geometry, but the text may differ from PostGIS's (at most 9 decimals, no spaces)",
        "compare geometries, not their GeoJSON text");

    /// <summary>Where a warehouse simplifies on the sphere in meters rather than on lon/lat in degrees.</summary>
    protected static FunctionNote GeodesicSimplifyNote(string how) => FunctionNote.Limited(
        $"simplifies with the tolerance in meters on the sphere ({how}), while the IR takes the tolerance at 111,319.49 m per degree on lon/lat: away from the equator the warehouse keeps fewer vertices",
        "choose the tolerance for the warehouse that runs the workflow");

    /// <summary>Where a warehouse's edges are geodesic, so a shape built from vertices is not the IR's planar shape on lon/lat.</summary>
    protected static FunctionNote GeodesicEdgesNote(string what) => FunctionNote.Limited(
        $"{what}: the warehouse's edges are geodesics, so a box or line between the same vertices bulges toward the pole compared with the IR's planar one (a box 1,000 km wide at 45° by about 20 km, 2% of its width)");

    /// <summary>How the warehouse makes one row per simple part of a geography (native.dump); every dialect says, spec/dialects.md.</summary>
    public abstract ExplodeSql GeometryParts { get; }

    /// <summary>How the warehouse writes an explode step of <paramref name="kind"/>.</summary>
    public ExplodeSql Explode(ExplodeKind kind) => kind switch
    {
        ExplodeKind.GeometryParts => GeometryParts,
        ExplodeKind.VoronoiPolygons or ExplodeKind.VoronoiLines or ExplodeKind.DelaunayTriangles or ExplodeKind.DelaunayLines => Tessellation(kind),
        ExplodeKind.H3PolyfillCenter or ExplodeKind.H3PolyfillIntersects or ExplodeKind.H3PolyfillContains or ExplodeKind.H3KRing or ExplodeKind.H3Children
            or ExplodeKind.QuadbinPolyfillCenter or ExplodeKind.QuadbinPolyfillIntersects or ExplodeKind.QuadbinPolyfillContains
            or ExplodeKind.QuadbinKRing or ExplodeKind.QuadbinChildren => CellSet(kind),
        _ => throw new InvalidOperationException($"Unknown explode kind {kind}."),
    };

    /// <summary>Random points (st_generatepoints): no two engines draw the same ones.</summary>
    protected static FunctionNote RandomPointsNote(string how) => FunctionNote.Limited(
        $"draws random points with {how}; the interpreter draws others for the same seed (as many, inside the same polygons)",
        "test what does not depend on the draw: counts, containment");

    /// <summary>A function the warehouse has no equivalent of.</summary>
    protected static FunctionMapping Missing(string warehouse, string function, string alternative) =>
        FunctionMapping.NotAvailable($"{warehouse} has no {function}", alternative);
}
