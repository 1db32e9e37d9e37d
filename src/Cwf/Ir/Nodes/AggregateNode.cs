namespace Cwf.Ir;

public enum AggregateFunction
{
    /// <summary>COUNT(*): every row.</summary>
    CountAll,
    /// <summary>COUNT(x): non-NULL values.</summary>
    Count,
    /// <summary>COUNT(DISTINCT x).</summary>
    CountDistinct,
    Sum,
    Avg,
    Min,
    Max,
    /// <summary>The union of the group's geographies (dissolve): planar on lon/lat, as GEOS unions.</summary>
    Union,
    /// <summary>The group's geographies as one collection (multi-geometry), repaired when its parts overlap.</summary>
    Collect,
    /// <summary>The bounding box on lon/lat of the group's geographies (a point or line when it has no area).</summary>
    Extent,
    /// <summary>The convex hull of the group's geographies.</summary>
    ConvexHull,
    /// <summary>The centroid of the collection of the group's geographies (weighted by the highest dimension present).</summary>
    Centroid,
    /// <summary>The line through the group's points and lines in the aggregate's order (<see cref="AggregateCall.OrderBy"/>).</summary>
    MakeLine,
}

public static class AggregateFunctions
{
    /// <summary>The aggregates of geographies, whose result is a geography (issue 16).</summary>
    public static bool IsSpatial(this AggregateFunction function) => function >= AggregateFunction.Union;

    /// <summary>The .cwf function that computes the aggregate: its name (<c>sum</c>), for the spatial ones the <c>st_</c> name (<c>st_union_agg</c>).</summary>
    public static string CwfName(this AggregateFunction function) => function switch
    {
        AggregateFunction.CountAll or AggregateFunction.Count => "count",
        AggregateFunction.CountDistinct => "count_distinct",
        AggregateFunction.Union => "st_union_agg",
        AggregateFunction.Collect => "st_collect",
        AggregateFunction.Extent => "st_extent",
        AggregateFunction.ConvexHull => "st_convexhull_agg",
        AggregateFunction.Centroid => "st_centroid_agg",
        AggregateFunction.MakeLine => "st_makeline_agg",
        _ => function.ToString().ToLowerInvariant(),
    };
}

/// <summary>
/// One aggregate output column: <c>Name = Function(Argument order by OrderBy)</c>. Only make line
/// reads an order; its keys end with the tie-breakers of <see cref="LineOrder"/>, so that every
/// engine builds the same line.
/// </summary>
public sealed record AggregateCall(string Name, AggregateFunction Function, Expr? Argument, Seq<WindowKey> OrderBy = default)
{
    /// <summary>
    /// The result type (canvas contract 5a.6): counts int64; sum of int64 int64, of decimal
    /// decimal, of float64 float64; avg float64 (decimal for decimal); min/max the argument's type.
    /// </summary>
    public SqlType Type => Function switch
    {
        AggregateFunction.CountAll or AggregateFunction.Count or AggregateFunction.CountDistinct => SqlType.Int64,
        AggregateFunction.Avg => Argument?.Type == SqlType.Decimal ? SqlType.Decimal : SqlType.Float64,
        _ when Function.IsSpatial() => SqlType.Geography,
        _ => Argument?.Type ?? SqlType.Unknown,
    };

    /// <summary>Counts are never NULL; the others are NULL over an empty group or only NULLs.</summary>
    public bool Nullable => Function is not (AggregateFunction.CountAll or AggregateFunction.Count or AggregateFunction.CountDistinct);

    public Column ToColumn() => new(Name, Type, Nullable);

    public override string ToString() => Function switch
    {
        AggregateFunction.CountAll => $"{Name} := count()",
        AggregateFunction.CountDistinct => $"{Name} := count(distinct {Argument})",
        _ when !OrderBy.IsEmpty => $"{Name} := {Function.ToString().ToLowerInvariant()}({Argument} order by {string.Join(", ", OrderBy)})",
        _ => $"{Name} := {Function.ToString().ToLowerInvariant()}({Argument})",
    };

    /// <summary>
    /// The order of a make line: the keys given, then the longitude and latitude of each geography's
    /// centroid (a point's own coordinates), ascending, so that points the keys do not tell apart are
    /// joined in the same order on every engine.
    /// </summary>
    public static Seq<WindowKey> LineOrder(Expr geography, IEnumerable<WindowKey> keys)
    {
        var centroid = ExprFactory.Call(Functions.Centroid, geography);
        return [.. keys, new WindowKey(ExprFactory.Call(Functions.X, centroid), false, false), new WindowKey(ExprFactory.Call(Functions.Y, centroid), false, false)];
    }

    /// <summary>The argument, then the order keys: what the aggregate evaluates per row.</summary>
    public IEnumerable<Expr> Expressions => Argument is null ? [] : [Argument, .. OrderBy.Select(k => k.Expr)];
}

/// <summary>
/// Groups by the key expressions and computes aggregates; output = keys, then aggregates.
/// No keys means one row over the whole input (summarize), even when the input is empty.
/// </summary>
public sealed record AggregateNode(int Id, string Name, int Input, Seq<NamedExpr> Keys, Seq<AggregateCall> Aggregates)
    : UnaryNode(Id, Name, Input)
{
    public override string OperatorName => "aggregate";

    /// <summary>The keys' expressions, then the arguments (and order keys) of the aggregates that have one.</summary>
    public override Seq<Expr> Expressions =>
        [.. Keys.Select(k => k.Expr), .. Aggregates.SelectMany(a => a.Expressions)];

    public override RelNode WithExpressions(Seq<Expr> expressions)
    {
        int next = Keys.Count;
        return this with
        {
            Keys = [.. Keys.Select((k, i) => k with { Expr = expressions[i] })],
            Aggregates = Aggregates.Map(a => a.Argument is null ? a : a with
            {
                Argument = expressions[next++],
                OrderBy = a.OrderBy.Map(k => k with { Expr = expressions[next++] }),
            }),
        };
    }

    // The keys make the groups, so they are read even when no key column is needed.
    public override Seq<IReadOnlySet<string>?> ColumnsRead(IReadOnlySet<string>? needed) =>
        [NameSet(ColumnsOf(Keys.Select(k => k.Expr).Concat(KeptAggregates(needed).SelectMany(a => a.Expressions))))];

    public override string Describe(Func<int, string> inputName) =>
        $"aggregate {inputName(Input)} keys [{string.Join(", ", Keys)}] aggs [{string.Join(", ", Aggregates)}]";

    public override T Accept<T>(IRelNodeVisitor<T> visitor) => visitor.VisitAggregate(this);

    protected override Schema DeriveSchema(IReadOnlyList<Schema> inputs) =>
        new(Keys.Map(k => k.ToColumn()).AddRange(Aggregates.Select(a => a.ToColumn())));

    /// <summary>The aggregates that are needed (null: all); without keys at least one, because a SELECT needs a column.</summary>
    public List<AggregateCall> KeptAggregates(IReadOnlySet<string>? needed) =>
        Keys.IsEmpty ? AtLeastOne(Aggregates, c => needed is null || needed.Contains(c.Name))
            : [.. Aggregates.Where(c => needed is null || needed.Contains(c.Name))];
}
