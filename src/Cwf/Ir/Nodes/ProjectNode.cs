using System.Runtime.InteropServices;

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
        [needed is not null && ReadsExactly(needed) ? needed : NamesReadByKept(needed)];

    // The names the kept columns (see KeptColumns) read from the input, without a list of them: every projection, every round.
    private ColumnNameSet NamesReadByKept(IReadOnlySet<string>? needed)
    {
        // Room for the names asked for and two more (a computed column reads one or two other columns), so that it seldom grows.
        var names = new ColumnNameSet((needed?.Count ?? Columns.Count) + 2);
        bool any = false;
        foreach (var c in Columns)
        {
            if (needed is not null && !needed.Contains(c.Name)) continue;
            Predicates.AddColumnNames(c.Expr, names);
            any = true;
        }
        if (!any && !Columns.IsEmpty) Predicates.AddColumnNames(Columns[0].Expr, names);
        return names;
    }

    // Whether the columns asked for read exactly the names asked for: a step of a pipeline that passes
    // them through and computes the rest from them (`fare := fare + 1`). Its reader's set is then passed
    // on instead of copied, as a filter's is. Every kept column reads only names asked for, and every
    // name asked for is read by the column of that name.
    private bool ReadsExactly(IReadOnlySet<string> needed)
    {
        bool any = false;
        foreach (var c in Columns)
        {
            if (!needed.Contains(c.Name)) continue;
            if (!Predicates.ReadsOnly(c.Expr, needed)) return false;
            any = true;
        }
        if (!any) return false;
        foreach (var name in needed)
        {
            int at = Schema.IndexOf(name);
            if (at < 0 || Predicates.AllColumns(Columns[at].Expr, name, static (r, n) => r.Input != 0 || !r.Name.Equals(n, StringComparison.OrdinalIgnoreCase)))
                return false;
        }
        return true;
    }

    public override string Describe(Func<int, string> inputName) => $"project {inputName(Input)} [{string.Join(", ", Columns)}]";
    public override T Accept<T>(IRelNodeVisitor<T> visitor) => visitor.VisitProject(this);

    /// <summary>The listed columns; those passed on unchanged are the input's column objects, and the input's schema itself when all are.</summary>
    protected override Schema DeriveSchema(IReadOnlyList<Schema> inputs)
    {
        var input = inputs[0];
        var columns = new Column[Columns.Count];
        bool same = !input.IsOpen && columns.Length == input.Count;
        for (int i = 0; i < columns.Length; i++)
        {
            columns[i] = Columns[i].ToColumn(input, i);
            same = same && ReferenceEquals(columns[i], input[i]);
        }
        return same ? input : new(ImmutableCollectionsMarshal.AsImmutableArray(columns));
    }

    /// <summary>True when the project only passes input columns through, possibly renamed or reordered.</summary>
    public bool IsPassThrough => Columns.All(c => c.Expr is ColumnRef);

    /// <summary>The columns that are needed (null: all); at least one, because a SELECT needs a column.</summary>
    public List<NamedExpr> KeptColumns(IReadOnlySet<string>? needed) => AtLeastOne(Columns, c => needed is null || needed.Contains(c.Name));
}
