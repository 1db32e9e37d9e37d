namespace Cwf.Ir;

/// <summary>
/// A data check (<c>assert orders unique(order_id)</c>): its input is a one-row relation whose
/// first column is the check's measure (int64: the failing rows, or the row count for
/// <c>rows between</c>), and the check passes when the measure lies in [<see cref="Low"/>,
/// <see cref="High"/>]. Like a sink it has no consumers and is a root of the graph; scripts run it
/// after every output is written and fail with a message naming <see cref="Check"/>.
/// </summary>
/// <param name="Check">The check as the user names it in messages: <c>orders.unique(order_id)</c>.</param>
public sealed record CheckNode(int Id, string Name, int Input, string Check, long Low, long High) : UnaryNode(Id, Name, Input)
{
    public override string OperatorName => "check";
    public override Seq<Expr> Expressions => [];
    public override RelNode WithExpressions(Seq<Expr> expressions) => this;
    public override Seq<IReadOnlySet<string>?> ColumnsRead(IReadOnlySet<string>? needed) => [null];
    public override string Describe(Func<int, string> inputName) => $"check {inputName(Input)} {Check} ({Low}..{High})";
    public override T Accept<T>(IRelNodeVisitor<T> visitor) => visitor.VisitCheck(this);
    protected override Schema DeriveSchema(IReadOnlyList<Schema> inputs) => inputs[0];

    /// <summary>Whether a measured value passes.</summary>
    public bool Passes(long measure) => measure >= Low && measure <= High;
}
