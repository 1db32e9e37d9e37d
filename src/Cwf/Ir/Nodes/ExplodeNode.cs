namespace Cwf.Ir;

/// <summary>What an <see cref="ExplodeNode"/> makes one row of.</summary>
public enum ExplodeKind
{
    /// <summary>
    /// Each simple part of a geography (points, lines, polygons; collections are opened all the way
    /// down, as PostGIS ST_Dump does). A NULL or empty geography gives no row; an empty part inside
    /// a collection is a part.
    /// </summary>
    GeometryParts,
    /// <summary>The Voronoi cells (polygons) of the vertices of a geography, clipped to PostGIS's default envelope (issue 17).</summary>
    VoronoiPolygons,
    /// <summary>The edges (lines) of the Voronoi diagram of the vertices of a geography, within the same envelope.</summary>
    VoronoiLines,
    /// <summary>The triangles (polygons) of the Delaunay triangulation of the vertices of a geography.</summary>
    DelaunayTriangles,
    /// <summary>The edges (lines) of the Delaunay triangulation of the vertices of a geography.</summary>
    DelaunayLines,

    // Sets of spatial-index cells (issue 17). Arguments[0] is the resolution (polyfill, children) or k
    // (k-ring). Polyfill modes: spec/ir.md, "Explode".

    /// <summary>The H3 cells (hex text) whose centers lie in a polygon, at a resolution.</summary>
    H3PolyfillCenter,

    /// <summary>The H3 cells that share a point with a polygon, at a resolution.</summary>
    H3PolyfillIntersects,

    /// <summary>The H3 cells wholly inside a polygon, at a resolution.</summary>
    H3PolyfillContains,

    /// <summary>The H3 cells within k steps of a cell (h3's gridDisk); with a distance column, each cell's step count.</summary>
    H3KRing,

    /// <summary>The H3 cells inside a cell at a finer resolution (h3's cellToChildren).</summary>
    H3Children,

    /// <summary>The Quadbin tiles (int64) whose centers lie in a polygon, at a zoom.</summary>
    QuadbinPolyfillCenter,

    /// <summary>The Quadbin tiles that share a point with a polygon, at a zoom.</summary>
    QuadbinPolyfillIntersects,

    /// <summary>The Quadbin tiles wholly inside a polygon, at a zoom.</summary>
    QuadbinPolyfillContains,

    /// <summary>The Quadbin tiles within k steps (a square, columns wrapping around the antimeridian); with a distance column, the Chebyshev distance.</summary>
    QuadbinKRing,

    /// <summary>The Quadbin tiles inside a tile at a finer zoom.</summary>
    QuadbinChildren,
}

/// <summary>
/// One output row per element of <see cref="Value"/> (an expression over the input row), the row's
/// other columns repeated: the output is the input's columns with <see cref="Column"/> holding the
/// element, in place when the input has that column, else appended. A row whose value has no
/// element gives no row. The only node kind that can give more rows than its input has; a future
/// array <c>unnest</c> is another <see cref="ExplodeKind"/> with its element type (spec/ir.md).
/// <see cref="Arguments"/> are the kind's further inputs (a resolution, a k); a k-ring may also name
/// <see cref="DistanceColumn"/>, which gets each element's step count (appended, or in place).
/// </summary>
public sealed record ExplodeNode(int Id, string Name, int Input, Expr Value, string Column, ExplodeKind Kind) : UnaryNode(Id, Name, Input)
{
    public override string OperatorName => "explode";

    /// <summary>The kind's further inputs, evaluated per row (the resolution of a polyfill, the k of a k-ring).</summary>
    public Seq<Expr> Arguments { get; init; } = [];

    /// <summary>Where a k-ring puts each element's distance from its origin; null for none.</summary>
    public string? DistanceColumn { get; init; }

    public override Seq<Expr> Expressions => [Value, .. Arguments];

    public override RelNode WithExpressions(Seq<Expr> expressions) =>
        this with { Value = expressions[0], Arguments = [.. expressions.Items.Skip(1)] };

    // The element's columns are read even when only their place is needed, so that the input keeps them
    // and the output keeps its column order whatever projection pruning drops.
    public override Seq<IReadOnlySet<string>?> ColumnsRead(IReadOnlySet<string>? needed) =>
        [needed is null ? null : NameSet(needed.Concat(ColumnsOf(Expressions)).Append(Column).Concat(DistanceColumn is { } d ? [d] : []))];

    public override string Describe(Func<int, string> inputName)
    {
        var arguments = Arguments.IsEmpty ? "" : $" at {string.Join(", ", Arguments)}";
        var distance = DistanceColumn is { } d ? $", {d} := distance" : "";
        return $"explode {inputName(Input)} [{Column} := {KindName} of {Value}{arguments}{distance}]";
    }

    public override T Accept<T>(IRelNodeVisitor<T> visitor) => visitor.VisitExplode(this);

    /// <summary>The element's type.</summary>
    public SqlType ElementType => Kind switch
    {
        ExplodeKind.GeometryParts => SqlType.Geography,
        ExplodeKind.VoronoiPolygons or ExplodeKind.VoronoiLines or ExplodeKind.DelaunayTriangles or ExplodeKind.DelaunayLines => SqlType.Geography,
        ExplodeKind.H3PolyfillCenter or ExplodeKind.H3PolyfillIntersects or ExplodeKind.H3PolyfillContains
            or ExplodeKind.H3KRing or ExplodeKind.H3Children => SqlType.String,
        ExplodeKind.QuadbinPolyfillCenter or ExplodeKind.QuadbinPolyfillIntersects or ExplodeKind.QuadbinPolyfillContains
            or ExplodeKind.QuadbinKRing or ExplodeKind.QuadbinChildren => SqlType.Int64,
        _ => throw new InvalidOperationException($"Unknown explode kind {Kind}."),
    };

    private string KindName => Kind switch
    {
        ExplodeKind.GeometryParts => "parts",
        ExplodeKind.VoronoiPolygons => "voronoi polygons",
        ExplodeKind.VoronoiLines => "voronoi lines",
        ExplodeKind.DelaunayTriangles => "delaunay triangles",
        ExplodeKind.DelaunayLines => "delaunay lines",
        ExplodeKind.H3PolyfillCenter => "h3 polyfill (center)",
        ExplodeKind.H3PolyfillIntersects => "h3 polyfill (intersects)",
        ExplodeKind.H3PolyfillContains => "h3 polyfill (contains)",
        ExplodeKind.H3KRing => "h3 k-ring",
        ExplodeKind.H3Children => "h3 children",
        ExplodeKind.QuadbinPolyfillCenter => "quadbin polyfill (center)",
        ExplodeKind.QuadbinPolyfillIntersects => "quadbin polyfill (intersects)",
        ExplodeKind.QuadbinPolyfillContains => "quadbin polyfill (contains)",
        ExplodeKind.QuadbinKRing => "quadbin k-ring",
        ExplodeKind.QuadbinChildren => "quadbin children",
        _ => Kind.ToString(),
    };

    protected override Schema DeriveSchema(IReadOnlyList<Schema> inputs)
    {
        var input = inputs[0];
        var columns = input.Columns.Select(c =>
            string.Equals(c.Name, Column, StringComparison.OrdinalIgnoreCase) ? c with { Type = ElementType, Nullable = false }
            : string.Equals(c.Name, DistanceColumn, StringComparison.OrdinalIgnoreCase) ? c with { Type = SqlType.Int64, Nullable = false }
            : c).ToList();
        if (!input.Contains(Column)) columns.Add(new Column(Column, ElementType, Nullable: false));
        if (DistanceColumn is { } distance && !input.Contains(distance) && !string.Equals(distance, Column, StringComparison.OrdinalIgnoreCase))
            columns.Add(new Column(distance, SqlType.Int64, Nullable: false));
        return new Schema(columns.ToSeq(), input.IsOpen);
    }
}
