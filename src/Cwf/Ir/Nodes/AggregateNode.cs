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
}

/// <summary>One aggregate output column: <c>Name = Function(Argument)</c>.</summary>
public sealed record AggregateCall(string Name, AggregateFunction Function, Expr? Argument)
{
    /// <summary>
    /// The result type (canvas contract 5a.6): counts int64; sum of int64 int64, of decimal
    /// decimal, of float64 float64; avg float64 (decimal for decimal); min/max the argument's type.
    /// </summary>
    public SqlType Type => Function switch
    {
        AggregateFunction.CountAll or AggregateFunction.Count or AggregateFunction.CountDistinct => SqlType.Int64,
        AggregateFunction.Avg => Argument?.Type == SqlType.Decimal ? SqlType.Decimal : SqlType.Float64,
        _ => Argument?.Type ?? SqlType.Unknown,
    };

    /// <summary>Counts are never NULL; the others are NULL over an empty group or only NULLs.</summary>
    public bool Nullable => Function is not (AggregateFunction.CountAll or AggregateFunction.Count or AggregateFunction.CountDistinct);

    public Column ToColumn() => new(Name, Type, Nullable);

    public override string ToString() => Function switch
    {
        AggregateFunction.CountAll => $"{Name} := count()",
        AggregateFunction.CountDistinct => $"{Name} := count(distinct {Argument})",
        _ => $"{Name} := {Function.ToString().ToLowerInvariant()}({Argument})",
    };
}

/// <summary>
/// Groups by the key expressions and computes aggregates; output = keys, then aggregates.
/// No keys means one row over the whole input (summarize), even when the input is empty.
/// </summary>
public sealed record AggregateNode(int Id, string Name, int Input, Seq<NamedExpr> Keys, Seq<AggregateCall> Aggregates)
    : UnaryNode(Id, Name, Input)
{
    public override string OperatorName => "aggregate";

    /// <summary>The keys' expressions, then the arguments of the aggregates that have one.</summary>
    public override Seq<Expr> Expressions =>
        [.. Keys.Select(k => k.Expr), .. Aggregates.Select(a => a.Argument).OfType<Expr>()];

    public override RelNode WithExpressions(Seq<Expr> expressions)
    {
        int next = Keys.Count;
        return this with
        {
            Keys = [.. Keys.Select((k, i) => k with { Expr = expressions[i] })],
            Aggregates = Aggregates.Map(a => a.Argument is null ? a : a with { Argument = expressions[next++] }),
        };
    }

    // The keys make the groups, so they are read even when no key column is needed.
    public override Seq<IReadOnlySet<string>?> ColumnsRead(IReadOnlySet<string>? needed) =>
        [NameSet(ColumnsOf(Keys.Select(k => k.Expr).Concat(KeptAggregates(needed).Select(a => a.Argument).OfType<Expr>())))];

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
