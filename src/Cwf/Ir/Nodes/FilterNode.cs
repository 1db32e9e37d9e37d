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
public sealed record FilterNode(int Id, string Name, int Input, Expr Predicate, FilterBranch Branch) : RowSubsetNode(Id, Name, Input)
{
    // The predicate as its one-element expression list, made when it is set (as UnaryNode keeps its
    // input list): passes ask every node for its expressions, several times per round.
    private Seq<Expr> _expressions = [Predicate];

    public Expr Predicate
    {
        get => _expressions[0];
        init => _expressions = [value];
    }

    public override string OperatorName => "filter";
    public override Seq<Expr> Expressions => _expressions;
    public override RelNode WithExpressions(Seq<Expr> expressions) => this with { Predicate = expressions[0] };
    public override string Describe(Func<int, string> inputName) =>
        $"filter{(Branch == FilterBranch.Unmatch ? "[unmatch]" : "")} {inputName(Input)} {Predicate}";
    public override T Accept<T>(IRelNodeVisitor<T> visitor) => visitor.VisitFilter(this);
}
