namespace Cwf.Ir;

/// <summary>One sort key. NULLs sort last in both directions on every dialect (contract 5a.5).</summary>
public sealed record SortKey(Expr Expr, bool Descending)
{
    public override string ToString() => Descending ? $"{Expr} desc" : $"{Expr}";
}

/// <summary>Orders the rows; ties keep no particular order.</summary>
public sealed record SortNode(int Id, string Name, int Input, Seq<SortKey> Keys, Schema InputSchema) : UnaryNode(Id, Name, Input)
{
    public override Schema Schema => InputSchema;
    public override IEnumerable<Expr> Expressions => Keys.Select(k => k.Expr);
}
