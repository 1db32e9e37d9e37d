namespace Cwf.Ir;

/// <summary>Keeps the first <paramref name="Count"/> rows (an int64 literal or parameter, at least 0).</summary>
public sealed record LimitNode(int Id, string Name, int Input, Expr Count) : RowSubsetNode(Id, Name, Input)
{
    public override string OperatorName => "limit";
    public override Seq<Expr> Expressions => [Count];
    public override RelNode WithExpressions(Seq<Expr> expressions) => this with { Count = expressions[0] };
    public override string Describe(Func<int, string> inputName) => $"limit {inputName(Input)} {Count}";
    public override T Accept<T>(IRelNodeVisitor<T> visitor) => visitor.VisitLimit(this);
}
