namespace Cwf.Ir;

/// <summary>
/// Computes the output columns from expressions over the input: select, derive, rename and
/// drop all become a Project whose list is the complete output, in order.
/// </summary>
public sealed record ProjectNode(int Id, string Name, int Input, Seq<NamedExpr> Columns) : UnaryNode(Id, Name, Input)
{
    private Schema? _schema;

    // A hand-written copy constructor so that `with { Columns = ... }` does not keep a stale schema.
    private ProjectNode(ProjectNode original) : base(original) => Columns = original.Columns;

    public override Schema Schema => _schema ??= new(Columns.Map(c => c.ToColumn()));
    public override IEnumerable<Expr> Expressions => Columns.Select(c => c.Expr);

    /// <summary>True when the project only passes input columns through, possibly renamed or reordered.</summary>
    public bool IsPassThrough => Columns.All(c => c.Expr is ColumnRef);
}
