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
}

/// <summary>
/// One output row per element of <see cref="Value"/> (an expression over the input row), the row's
/// other columns repeated: the output is the input's columns with <see cref="Column"/> holding the
/// element, in place when the input has that column, else appended. A row whose value has no
/// element gives no row. The only node kind that can give more rows than its input has; a future
/// array <c>unnest</c> is another <see cref="ExplodeKind"/> with its element type (spec/ir.md).
/// </summary>
public sealed record ExplodeNode(int Id, string Name, int Input, Expr Value, string Column, ExplodeKind Kind) : UnaryNode(Id, Name, Input)
{
    public override string OperatorName => "explode";

    public override Seq<Expr> Expressions => [Value];

    public override RelNode WithExpressions(Seq<Expr> expressions) => this with { Value = expressions[0] };

    // The element's column is read even when only its place is needed, so that the input keeps it
    // and the output keeps its column order whatever projection pruning drops.
    public override Seq<IReadOnlySet<string>?> ColumnsRead(IReadOnlySet<string>? needed) =>
        [needed is null ? null : NameSet(needed.Concat(ColumnsOf([Value])).Append(Column))];

    public override string Describe(Func<int, string> inputName) => $"explode {inputName(Input)} [{Column} := {KindName} of {Value}]";

    public override T Accept<T>(IRelNodeVisitor<T> visitor) => visitor.VisitExplode(this);

    /// <summary>The element's type.</summary>
    public SqlType ElementType => Kind switch
    {
        ExplodeKind.GeometryParts => SqlType.Geography,
        ExplodeKind.VoronoiPolygons or ExplodeKind.VoronoiLines or ExplodeKind.DelaunayTriangles or ExplodeKind.DelaunayLines => SqlType.Geography,
        _ => throw new InvalidOperationException($"Unknown explode kind {Kind}."),
    };

    private string KindName => Kind switch
    {
        ExplodeKind.GeometryParts => "parts",
        ExplodeKind.VoronoiPolygons => "voronoi polygons",
        ExplodeKind.VoronoiLines => "voronoi lines",
        ExplodeKind.DelaunayTriangles => "delaunay triangles",
        ExplodeKind.DelaunayLines => "delaunay lines",
        _ => Kind.ToString(),
    };

    protected override Schema DeriveSchema(IReadOnlyList<Schema> inputs)
    {
        var input = inputs[0];
        var columns = input.Columns.Select(c => string.Equals(c.Name, Column, StringComparison.OrdinalIgnoreCase) ? c with { Type = ElementType, Nullable = false } : c).ToList();
        if (!input.Contains(Column)) columns.Add(new Column(Column, ElementType, Nullable: false));
        return new Schema(columns.ToSeq(), input.IsOpen);
    }
}
