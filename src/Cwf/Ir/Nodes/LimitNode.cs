namespace Cwf.Ir;

/// <summary>Keeps the first <paramref name="Count"/> rows (an int64 literal or parameter, at least 0).</summary>
public sealed record LimitNode(int Id, string Name, int Input, Expr Count, Schema InputSchema) : UnaryNode(Id, Name, Input)
{
    public override Schema Schema => InputSchema;
    public override IEnumerable<Expr> Expressions => [Count];
}
