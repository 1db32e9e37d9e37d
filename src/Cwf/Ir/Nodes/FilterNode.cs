namespace Cwf.Ir;

/// <summary>Which rows of a two-way filter a node keeps.</summary>
public enum FilterBranch
{
    /// <summary>Rows where the predicate is true.</summary>
    Match,
    /// <summary>Rows where the predicate is false or NULL: exactly the rows Match drops.</summary>
    Unmatch,
}

/// <summary>Keeps the rows of its input for which the predicate is true (Match) or not true (Unmatch).</summary>
public sealed record FilterNode(int Id, string Name, int Input, Expr Predicate, FilterBranch Branch, Schema InputSchema)
    : UnaryNode(Id, Name, Input)
{
    public override Schema Schema => InputSchema;
    public override IEnumerable<Expr> Expressions => [Predicate];
}
