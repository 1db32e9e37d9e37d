namespace Cwf.Ir;

/// <summary>
/// Rows written in the workflow itself (a <c>values</c> source, <c>native.tablefromgeojson</c>,
/// <c>native.pointfromstaticlatlon</c> ...): <see cref="TableSchema"/> and, per row, one expression per
/// column of exactly the column's type. The expressions read no column (literals, parameters and
/// functions of them, such as <c>st_geogfromtext('POINT(1 2)')</c>); each is evaluated once per row.
/// </summary>
public sealed record ValuesNode(int Id, string Name, Schema TableSchema, Seq<Seq<Expr>> Rows) : RelNode(Id, Name)
{
    public override string OperatorName => "values";
    public override Seq<int> Inputs => [];
    public override RelNode WithInputs(Seq<int> inputs) => this;

    /// <summary>The values row by row, left to right.</summary>
    public override Seq<Expr> Expressions => Rows.SelectMany(r => r).ToSeq();

    public override RelNode WithExpressions(Seq<Expr> expressions)
    {
        int width = TableSchema.Count;
        var rows = new Seq<Expr>[Rows.Count];
        for (int r = 0; r < rows.Length; r++)
        {
            var row = new Expr[width];
            for (int c = 0; c < width; c++) row[c] = expressions[r * width + c];
            rows[r] = row.ToSeq();
        }
        return this with { Rows = rows.ToSeq() };
    }

    public override Seq<IReadOnlySet<string>?> ColumnsRead(IReadOnlySet<string>? needed) => [];

    public override string Describe(Func<int, string> inputName) =>
        $"values {{{string.Join(", ", TableSchema.Columns.Select(c => $"{c.Name}: {c.Type.Name()}"))}}} [{string.Join(", ", Rows.Select(r => "(" + string.Join(", ", r) + ")"))}]";

    public override T Accept<T>(IRelNodeVisitor<T> visitor) => visitor.VisitValues(this);

    protected override Schema DeriveSchema(IReadOnlyList<Schema> inputs) => TableSchema;
}
