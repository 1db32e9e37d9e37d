namespace Cwf.Ir;

/// <summary>
/// Computes the output columns from expressions over the input: select, derive, rename and
/// drop all become a Project whose list is the complete output, in order.
/// </summary>
public sealed record ProjectNode(int Id, string Name, int Input, Seq<NamedExpr> Columns) : UnaryNode(Id, Name, Input)
{
    public override string OperatorName => "project";
    public override Seq<Expr> Expressions => Columns.Map(c => c.Expr);
    public override RelNode WithExpressions(Seq<Expr> expressions) =>
        this with { Columns = [.. Columns.Select((c, i) => c with { Expr = expressions[i] })] };
    public override Seq<IReadOnlySet<string>?> ColumnsRead(IReadOnlySet<string>? needed) =>
        [NamesRead(KeptColumns(needed).ConvertAll(c => c.Expr))];
    public override string Describe(Func<int, string> inputName) => $"project {inputName(Input)} [{string.Join(", ", Columns)}]";
    public override T Accept<T>(IRelNodeVisitor<T> visitor) => visitor.VisitProject(this);
    protected override Schema DeriveSchema(IReadOnlyList<Schema> inputs) => new(Columns.Map(c => c.ToColumn()));

    /// <summary>True when the project only passes input columns through, possibly renamed or reordered.</summary>
    public bool IsPassThrough => Columns.All(c => c.Expr is ColumnRef);

    /// <summary>The columns that are needed (null: all); at least one, because a SELECT needs a column.</summary>
    public List<NamedExpr> KeptColumns(IReadOnlySet<string>? needed) => AtLeastOne(Columns, c => needed is null || needed.Contains(c.Name));
}
