namespace Cwf.Ir;

/// <summary>A window's order key. NULLs sort last unless <paramref name="NullsFirst"/>, in both directions.</summary>
public sealed record WindowKey(Expr Expr, bool Descending, bool NullsFirst)
{
    public override string ToString() => $"{Expr}{(Descending ? " desc" : "")}{(NullsFirst ? " nulls first" : " nulls last")}";
}

/// <summary>
/// One window column: <c>Name = Function(Arguments) over (partition by PartitionBy order by OrderBy Frame)</c>.
/// Without a frame, a frame-reading function (first_value, last_value, the aggregates) reads the
/// whole partition when there is no order, else the partition up to the current row and its peers
/// (rows equal on every order key), as in standard SQL.
/// </summary>
public sealed record WindowCall(string Name, WindowFunction Function, Seq<Expr> Arguments, Seq<Expr> PartitionBy, Seq<WindowKey> OrderBy, WindowFrame? Frame)
{
    /// <summary>
    /// Ranks and counts are int64 and never NULL, percent_rank float64; avg float64 (decimal for
    /// decimal); the others the type of their value, NULL when the frame has no value (or the offset
    /// leaves the partition).
    /// </summary>
    public SqlType Type => Function switch
    {
        WindowFunction.RowNumber or WindowFunction.Rank or WindowFunction.DenseRank or WindowFunction.Ntile
            or WindowFunction.Count or WindowFunction.CountAll or WindowFunction.ClusterKMeans or WindowFunction.ClusterDbscan => SqlType.Int64,
        WindowFunction.PercentRank => SqlType.Float64,
        WindowFunction.Avg => Arguments[0].Type == SqlType.Decimal ? SqlType.Decimal : SqlType.Float64,
        _ => Arguments[0].Type,
    };

    public bool Nullable => Function is not (WindowFunction.RowNumber or WindowFunction.Rank or WindowFunction.DenseRank
        or WindowFunction.Ntile or WindowFunction.Count or WindowFunction.CountAll or WindowFunction.PercentRank);

    /// <summary>The arguments, then the partition keys, then the order keys' expressions.</summary>
    public IEnumerable<Expr> Expressions => Arguments.Concat(PartitionBy).Concat(OrderBy.Select(k => k.Expr));

    /// <summary>This call evaluating <paramref name="expressions"/> (in <see cref="Expressions"/>' order) from <paramref name="start"/>; returns how many it took.</summary>
    public (WindowCall Call, int Next) WithExpressions(Seq<Expr> expressions, int start)
    {
        int next = start;
        var arguments = Arguments.Map(_ => expressions[next++]);
        var partition = PartitionBy.Map(_ => expressions[next++]);
        var order = OrderBy.Map(k => k with { Expr = expressions[next++] });
        return (this with { Arguments = arguments, PartitionBy = partition, OrderBy = order }, next);
    }

    public Column ToColumn() => new(Name, Type, Nullable);

    public override string ToString()
    {
        var over = new List<string>();
        if (!PartitionBy.IsEmpty) over.Add("partition by " + string.Join(", ", PartitionBy));
        if (!OrderBy.IsEmpty) over.Add("order by " + string.Join(", ", OrderBy));
        if (Frame is not null) over.Add(Frame.ToString());
        return $"{Name} := {Function.Name()}({string.Join(", ", Arguments)}) over ({string.Join(" ", over)})";
    }
}
