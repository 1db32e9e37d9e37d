namespace Cwf.Ir;

public enum WriteMode
{
    /// <summary>Drop and re-create the table.</summary>
    Replace,
    /// <summary>Insert the rows into the existing table.</summary>
    Append,
}

/// <summary>Writes every column of its input to a warehouse table. A sink has no consumers.</summary>
public sealed record SinkNode(int Id, string Name, int Input, TableName Table, WriteMode Mode) : UnaryNode(Id, Name, Input)
{
    public override string OperatorName => "sink";
    public override Seq<Expr> Expressions => [];
    public override RelNode WithExpressions(Seq<Expr> expressions) => this;
    public override Seq<IReadOnlySet<string>?> ColumnsRead(IReadOnlySet<string>? needed) => [null];
    public override string Describe(Func<int, string> inputName) => $"sink {inputName(Input)} -> {Table} ({Mode.ToString().ToLowerInvariant()})";
    public override T Accept<T>(IRelNodeVisitor<T> visitor) => visitor.VisitSink(this);
    protected override Schema DeriveSchema(IReadOnlyList<Schema> inputs) => inputs[0];
}
