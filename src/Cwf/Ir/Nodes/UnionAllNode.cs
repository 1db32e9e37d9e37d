namespace Cwf.Ir;

/// <summary>
/// Concatenates the rows of its inputs, keeping duplicates. Columns are matched by name; the
/// output has the first input's column order (every input has the same set of names and types).
/// </summary>
public sealed record UnionAllNode(int Id, string Name, Seq<int> Sources) : RelNode(Id, Name)
{
    public override string OperatorName => "union";
    public override Seq<int> Inputs => Sources;
    public override RelNode WithInputs(Seq<int> inputs) => this with { Sources = inputs };
    public override Seq<Expr> Expressions => [];
    public override RelNode WithExpressions(Seq<Expr> expressions) => this;

    // Every input must keep the same names.
    public override Seq<IReadOnlySet<string>?> ColumnsRead(IReadOnlySet<string>? needed)
    {
        var names = needed is null ? null : NameSet(KeptColumns(needed).Select(c => c.Name));
        return Sources.Map(_ => names);
    }

    public override string Describe(Func<int, string> inputName) => $"union {string.Join(" ", Sources.Select(inputName))}";
    public override T Accept<T>(IRelNodeVisitor<T> visitor) => visitor.VisitUnionAll(this);

    /// <summary>
    /// The first input's column order; each column's type is the inputs' common type, nullable when any input's is.
    /// The first input's columns (and schema) where nothing changes.
    /// </summary>
    protected override Schema DeriveSchema(IReadOnlyList<Schema> inputs)
    {
        var first = inputs[0];
        bool open = inputs.Any(s => s.IsOpen);
        bool same = open == first.IsOpen;
        var columns = first.Columns.Map(c =>
        {
            bool nullable = c.Nullable;
            SqlType type = c.Type;
            foreach (var other in inputs.Skip(1))
            {
                var match = other.Find(c.Name);
                if (match is null) continue;
                nullable |= match.Nullable;
                type = SqlTypeFacts.CommonType(type, match.Type) ?? type;
            }
            var column = c.With(c.Name, type, nullable);
            same &= ReferenceEquals(column, c);
            return column;
        });
        return same ? first : new Schema(columns, open);
    }

    /// <summary>The output columns that are needed; at least one, because a SELECT needs a column.</summary>
    public List<Column> KeptColumns(IReadOnlySet<string> needed) => AtLeastOne(Schema.Columns, c => needed.Contains(c.Name));
}
