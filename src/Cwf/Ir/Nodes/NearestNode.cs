namespace Cwf.Ir;

/// <summary>
/// The k nearest rows of the right input for each left row (<c>nearest k from other</c>): the right
/// rows whose <paramref name="Distance"/> (an expression over both inputs: <c>st_distance(l.geo, r.geo)</c>)
/// is not NULL and at most <paramref name="Within"/> when there is a bound, ranked by
/// <paramref name="Order"/> (the distance to the millimetre, then the right side's comparable
/// columns, so that ties are broken the same way on every engine), the first <paramref name="K"/>
/// kept. A left row with none is kept once with NULL right columns and distance, as a left join
/// keeps it. Output: the listed join outputs, then the distance as <paramref name="DistanceName"/>.
/// </summary>
public sealed record NearestNode(int Id, string Name, int Left, int Right, int K, Expr Distance, Seq<SortKey> Order, Expr? Within,
    Seq<JoinOutput> Outputs, string DistanceName) : BinaryNode(Id, Name, Left, Right)
{
    public override string OperatorName => "nearest";

    public override Seq<Expr> Expressions => [Distance, .. Order.Select(k => k.Expr), .. Within is null ? Array.Empty<Expr>() : [Within]];

    public override RelNode WithExpressions(Seq<Expr> expressions) => this with
    {
        Distance = expressions[0],
        Order = [.. Order.Select((k, i) => k with { Expr = expressions[i + 1] })],
        Within = Within is null ? null : expressions[Order.Count + 1],
    };

    /// <summary>Every column the ranking reads, whatever is needed: dropping one would change which rows tie.</summary>
    public override Seq<IReadOnlySet<string>?> ColumnsRead(IReadOnlySet<string>? needed)
    {
        var kept = KeptOutputs(needed);
        return [.. Enumerable.Range(0, 2).Select(side =>
            NameSet(kept.Where(o => o.Side == side).Select(o => o.Column).Concat(ColumnsOf(Expressions, side))))];
    }

    /// <summary>The outputs that are needed (null: all); the distance is always computed, so none may be.</summary>
    public List<JoinOutput> KeptOutputs(IReadOnlySet<string>? needed) => [.. Outputs.Where(o => needed is null || needed.Contains(o.Name))];

    public override string Describe(Func<int, string> inputName) =>
        $"nearest[{K}] {inputName(Left)} {inputName(Right)} distance {Distance} by [{string.Join(", ", Order)}]" + (Within is null ? "" : $" within {Within}") +
        $" -> [{string.Join(", ", Outputs.Select(o => o.Column == o.Name ? $"{o.Side}.{o.Column}" : $"{o.Side}.{o.Column} as {o.Name}"))}, {DistanceName}]";

    public override T Accept<T>(IRelNodeVisitor<T> visitor) => visitor.VisitNearest(this);

    /// <summary>The listed outputs (the right side's nullable: a left row may have no neighbour), then the distance (float64, nullable).</summary>
    protected override Schema DeriveSchema(IReadOnlyList<Schema> inputs) =>
        new(Outputs.Map(o =>
        {
            var source = inputs[o.Side].Find(o.Column)
                ?? throw new InvalidOperationException($"Nearest output reads missing column '{o.Column}'.");
            return o.Over(source, o.Side == 1);
        }).Add(new Column(DistanceName, SqlType.Float64, true)), false);
}
