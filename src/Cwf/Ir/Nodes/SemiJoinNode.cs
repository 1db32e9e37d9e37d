namespace Cwf.Ir;

/// <summary>
/// Keeps the left rows for which some right row satisfies the condition (semi join), or for
/// which none does (anti join, <paramref name="Anti"/>). Output = the left columns, each left
/// row at most once: the spatial filter's match / unmatch. The two partition the left input.
/// </summary>
public sealed record SemiJoinNode(int Id, string Name, int Left, int Right, Expr Condition, bool Anti) : BinaryNode(Id, Name, Left, Right)
{
    public override string OperatorName => Anti ? "antijoin" : "semijoin";
    public override Seq<Expr> Expressions => [Condition];
    public override RelNode WithExpressions(Seq<Expr> expressions) => this with { Condition = expressions[0] };

    public override Seq<IReadOnlySet<string>?> ColumnsRead(IReadOnlySet<string>? needed) =>
        [needed is null ? null : Including(needed, [Condition]), NameSet(ColumnsOf([Condition], 1))];

    public override string Describe(Func<int, string> inputName) => $"{OperatorName} {inputName(Left)} {inputName(Right)} on {Condition}";
    public override T Accept<T>(IRelNodeVisitor<T> visitor) => visitor.VisitSemiJoin(this);
    protected override Schema DeriveSchema(IReadOnlyList<Schema> inputs) => inputs[0];
}
