namespace Cwf.Ir;

/// <summary>
/// Keeps the left rows for which some right row satisfies the condition (semi join), or for
/// which none does (anti join, <paramref name="Anti"/>). Output = the left columns, each left
/// row at most once: the spatial filter's match / unmatch. The two partition the left input.
/// </summary>
public sealed record SemiJoinNode(int Id, string Name, int Left, int Right, Expr Condition, bool Anti, Schema LeftSchema)
    : RelNode(Id, Name)
{
    public override Schema Schema => LeftSchema;
    public override Seq<int> Inputs => [Left, Right];
    public override RelNode WithInputs(Seq<int> inputs) => this with { Left = inputs[0], Right = inputs[1] };
    public override IEnumerable<Expr> Expressions => [Condition];
}
