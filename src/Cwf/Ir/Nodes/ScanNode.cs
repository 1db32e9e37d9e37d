namespace Cwf.Ir;

/// <summary>Reads the columns <paramref name="TableSchema"/> lists of a warehouse table.</summary>
public sealed record ScanNode(int Id, string Name, TableName Table, Schema TableSchema) : RelNode(Id, Name)
{
    public override string OperatorName => "scan";
    public override Seq<int> Inputs => [];
    public override RelNode WithInputs(Seq<int> inputs) => this;
    public override Seq<Expr> Expressions => [];
    public override RelNode WithExpressions(Seq<Expr> expressions) => this;
    public override Seq<IReadOnlySet<string>?> ColumnsRead(IReadOnlySet<string>? needed) => [];
    public override string Describe(Func<int, string> inputName) => $"scan {Table}";
    public override T Accept<T>(IRelNodeVisitor<T> visitor) => visitor.VisitScan(this);
    protected override Schema DeriveSchema(IReadOnlyList<Schema> inputs) => TableSchema;

    /// <summary>The table's columns that are needed; reading no column is not SQL, so at least the narrowest one.</summary>
    public List<Column> KeptColumns(IReadOnlySet<string>? needed)
    {
        var kept = TableSchema.Columns.Where(c => needed is null || needed.Contains(c.Name)).ToList();
        if (kept.Count == 0 && TableSchema.Count > 0)
            kept.Add(TableSchema.Columns.FirstOrDefault(c => c.Type is SqlType.Bool or SqlType.Int64 or SqlType.Date) ?? TableSchema[0]);
        return kept;
    }
}
