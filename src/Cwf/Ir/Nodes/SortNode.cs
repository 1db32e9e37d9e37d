namespace Cwf.Ir;

/// <summary>One sort key. NULLs sort last in both directions on every dialect (contract 5a.5).</summary>
public sealed record SortKey(Expr Expr, bool Descending)
{
    public override string ToString() => Descending ? $"{Expr} desc" : $"{Expr}";
}

/// <summary>Orders the rows; ties keep no particular order.</summary>
public sealed record SortNode(int Id, string Name, int Input, Seq<SortKey> Keys) : RowSubsetNode(Id, Name, Input)
{
    public override string OperatorName => "sort";
    public override Seq<Expr> Expressions => Keys.Map(k => k.Expr);
    public override RelNode WithExpressions(Seq<Expr> expressions) =>
        this with { Keys = [.. Keys.Select((k, i) => k with { Expr = expressions[i] })] };
    public override string Describe(Func<int, string> inputName) => $"sort {inputName(Input)} [{string.Join(", ", Keys)}]";
    public override T Accept<T>(IRelNodeVisitor<T> visitor) => visitor.VisitSort(this);
}
