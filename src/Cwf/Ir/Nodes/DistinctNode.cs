namespace Cwf.Ir;

/// <summary>
/// Removes duplicate rows (NULLs compare equal to each other here, as in SQL DISTINCT). It
/// reads every input column: fewer would merge rows that differ in the others.
/// </summary>
public sealed record DistinctNode(int Id, string Name, int Input) : UnaryNode(Id, Name, Input)
{
    public override string OperatorName => "distinct";
    public override Seq<Expr> Expressions => [];
    public override RelNode WithExpressions(Seq<Expr> expressions) => this;
    public override Seq<IReadOnlySet<string>?> ColumnsRead(IReadOnlySet<string>? needed) => [null];
    public override string Describe(Func<int, string> inputName) => $"distinct {inputName(Input)}";
    public override T Accept<T>(IRelNodeVisitor<T> visitor) => visitor.VisitDistinct(this);
    protected override Schema DeriveSchema(IReadOnlyList<Schema> inputs) => inputs[0];
}
