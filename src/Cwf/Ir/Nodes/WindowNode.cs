namespace Cwf.Ir;

/// <summary>
/// Adds window columns to every input row: each <see cref="WindowCall"/> is computed over the rows
/// of the row's partition. The rows are the input's, unchanged and as many; the output is the
/// input's columns, a call named like an input column replacing it in place, then the other calls.
/// Filters never move below it (its values depend on every row of the partition).
/// </summary>
public sealed record WindowNode(int Id, string Name, int Input, Seq<WindowCall> Calls) : UnaryNode(Id, Name, Input)
{
    public override string OperatorName => "window";

    public override Seq<Expr> Expressions => [.. Calls.SelectMany(c => c.Expressions)];

    public override RelNode WithExpressions(Seq<Expr> expressions)
    {
        int next = 0;
        var calls = Calls.Map(c =>
        {
            var (call, after) = c.WithExpressions(expressions, next);
            next = after;
            return call;
        });
        return this with { Calls = calls };
    }

    // Every call is computed whatever is needed, so every call's expressions are read.
    public override Seq<IReadOnlySet<string>?> ColumnsRead(IReadOnlySet<string>? needed) =>
        [needed is null ? null : NameSet(needed.Where(n => Call(n) is null).Concat(ColumnsOf(Expressions)))];

    public override string Describe(Func<int, string> inputName) => $"window {inputName(Input)} [{string.Join(", ", Calls)}]";

    public override T Accept<T>(IRelNodeVisitor<T> visitor) => visitor.VisitWindow(this);

    protected override Schema DeriveSchema(IReadOnlyList<Schema> inputs)
    {
        var input = inputs[0];
        var columns = input.Columns.Select(c => Call(c.Name)?.ToColumn() ?? c).ToList();
        columns.AddRange(Calls.Where(c => !input.Columns.Any(i => string.Equals(i.Name, c.Name, StringComparison.OrdinalIgnoreCase))).Select(c => c.ToColumn()));
        return new Schema(columns.ToSeq(), input.IsOpen);
    }

    /// <summary>The call that computes the column <paramref name="name"/>, or null for an input column.</summary>
    public WindowCall? Call(string name) => Calls.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
