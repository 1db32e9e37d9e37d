using Cwf.Diagnostics;

namespace Cwf.Ir;

/// <summary>
/// A relational operator in the workflow DAG. Nodes refer to their inputs by id (never by
/// object reference), so the graph is a flat table: walks are loops, not recursion, and a
/// shared result is simply an id used twice.
/// <para>
/// A node knows itself, as Calcite's RelNode does: its inputs and its expressions, a copy with
/// other ones, its schema rule, the columns it reads, its printed form, and the visitor arm that
/// stages with a behaviour per kind (emission, interpretation) must provide. Generic walks use
/// these members only, so a new kind is one file here plus one method in each implementation of
/// <see cref="IRelNodeVisitor{T}"/> (spec/ir.md lists the places).
/// </para>
/// </summary>
/// <param name="Id">Unique within the workflow; assigned in creation order, so inputs have smaller ids.</param>
/// <param name="Name">A human name for the step (a let name, a canvas label); backends derive CTE names from it.</param>
public abstract record RelNode(int Id, string Name)
{
    private Schema? _schema;

    // A copy made with `with` may read other inputs or compute other columns: it forgets the
    // schema until a graph derives it again (WithSchemaFrom).
    protected RelNode(RelNode original)
    {
        Id = original.Id;
        Name = original.Name;
        Origin = original.Origin;
    }

    /// <summary>Where the step was written (a .cwf span or a canvas node), for diagnostics.</summary>
    public Location? Origin { get; init; }

    /// <summary>
    /// The columns this node produces (a sink: the columns it writes). Known once the node is in
    /// a graph: <see cref="WorkflowBuilder"/>, <see cref="Workflow"/> and the optimizer's rewriter
    /// derive it from the inputs' schemas with <see cref="WithSchemaFrom"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The node was never placed in a graph (a compiler bug).</exception>
    public Schema Schema => _schema ?? throw new InvalidOperationException(
        $"The schema of IR node {Id} ({OperatorName}) is derived when the node is added to a workflow; it was read before.");

    /// <summary>Whether the schema is known (the node was placed in a graph); a copy made with <c>with</c> forgets it.</summary>
    internal bool HasSchema => _schema is not null;

    /// <summary>The operator as one lower-case word: scan, filter, semijoin, antijoin, union...</summary>
    public abstract string OperatorName { get; }

    /// <summary>Ids of the input nodes, in port order.</summary>
    public abstract Seq<int> Inputs { get; }

    /// <summary>A copy reading from other inputs (same count and order).</summary>
    public abstract RelNode WithInputs(Seq<int> inputs);

    /// <summary>Every expression this node evaluates (predicates, computed columns, keys...), in a fixed order.</summary>
    public abstract Seq<Expr> Expressions { get; }

    /// <summary>A copy evaluating other expressions (same count and order as <see cref="Expressions"/>).</summary>
    public abstract RelNode WithExpressions(Seq<Expr> expressions);

    /// <summary>
    /// For each input (port order), the names of its columns this node reads to produce the
    /// columns <paramref name="needed"/> of its own result (null: all of them); null for an input
    /// means every column of it. A node never produces fewer than one column, so it may read a
    /// column for an output nobody needs.
    /// </summary>
    public abstract Seq<IReadOnlySet<string>?> ColumnsRead(IReadOnlySet<string>? needed);

    /// <summary>The operator and its arguments without id or name (<c>filter %2 (x > 1)</c>): equal for two nodes that compute the same thing over the same inputs.</summary>
    public abstract string Describe(Func<int, string> inputName);

    /// <summary>Calls the visitor's method for this node's kind.</summary>
    public abstract T Accept<T>(IRelNodeVisitor<T> visitor);

    /// <summary>The schema rule: this node's output columns given its inputs' schemas (port order).</summary>
    protected abstract Schema DeriveSchema(IReadOnlyList<Schema> inputs);

    /// <summary>
    /// This node with its schema derived from its inputs' schemas: the one place a schema is set.
    /// The same instance when its schema is already up to date.
    /// </summary>
    public RelNode WithSchemaFrom(Func<int, Schema> schemaOf)
    {
        var derived = DerivedSchema(schemaOf);
        if (_schema is not null && (ReferenceEquals(_schema, derived) || _schema.Equals(derived))) return this;
        var copy = this with { };
        copy._schema = derived;
        return copy;
    }

    /// <summary>
    /// This node with its schema derived, for a builder adding a node it has just made: a node that has no
    /// schema yet is in no graph and held by no one else, so it is given its schema instead of being copied
    /// (the equal one <paramref name="schemas"/> holds, when given).
    /// </summary>
    internal RelNode PlacedFrom(Func<int, Schema> schemaOf, SchemaTable? schemas = null)
    {
        if (_schema is not null) return WithSchemaFrom(schemaOf);
        var derived = DerivedSchema(schemaOf);
        _schema = schemas is null ? derived : schemas.Shared(derived);
        return this;
    }

    private Schema DerivedSchema(Func<int, Schema> schemaOf)
    {
        var inputs = Inputs;
        var schemas = new Schema[inputs.Count];
        for (int i = 0; i < schemas.Length; i++) schemas[i] = schemaOf(inputs[i]);
        return DeriveSchema(schemas);
    }

    /// <summary>Rewrites every expression; the same instance when no expression changed.</summary>
    public RelNode MapExpressions(Func<Expr, Expr> map)
    {
        var expressions = Expressions;
        Expr[]? mapped = null;
        for (int i = 0; i < expressions.Count; i++)
        {
            var e = map(expressions[i]);
            if (!ReferenceEquals(e, expressions[i])) (mapped ??= [.. expressions])[i] = e;
        }
        return mapped is null ? this : WithExpressions([.. mapped]);
    }

    public sealed override string ToString() => $"%{Id} = {Describe(id => "%" + id)}";

    /// <summary>The names the expressions read from input <paramref name="input"/>.</summary>
    protected static IEnumerable<string> ColumnsOf(IEnumerable<Expr> expressions, int input = 0) =>
        expressions.SelectMany(Predicates.Columns).Where(c => c.Input == input).Select(c => c.Name);

    /// <summary>A set of column names, compared as warehouses compare them (ignoring case).</summary>
    protected static IReadOnlySet<string> NameSet(IEnumerable<string> names) => new ColumnNameSet(names);

    /// <summary>
    /// The names in <paramref name="needed"/> and those the expressions read from input
    /// <paramref name="input"/>: the very set <paramref name="needed"/> when they read no other
    /// (a filter on columns already asked for passes its reader's set on instead of copying it).
    /// </summary>
    protected static IReadOnlySet<string> Including(IReadOnlySet<string> needed, Seq<Expr> expressions, int input = 0)
    {
        ColumnNameSet? grown = null;
        foreach (var e in expressions)
        {
            if (grown is null && Predicates.ReadsOnly(e, needed, input)) continue;
            grown ??= new ColumnNameSet(needed);
            Predicates.AddColumnNames(e, grown, input);
        }
        return grown ?? needed;
    }

    /// <summary>The items <paramref name="keep"/> accepts, or the first item when it accepts none (a relation needs a column).</summary>
    protected static List<T> AtLeastOne<T>(IReadOnlyList<T> items, Func<T, bool> keep)
    {
        var kept = new List<T>(items.Count);
        foreach (var item in items)
            if (keep(item)) kept.Add(item);
        if (kept.Count == 0 && items.Count > 0) kept.Add(items[0]);
        return kept;
    }
}

/// <summary>A node with exactly one input.</summary>
public abstract record UnaryNode(int Id, string Name, int Input) : RelNode(Id, Name)
{
    // The input as its one-element list, made when the input is set: every walk of a workflow asks
    // each node for its inputs, several times per pass, and a list made per call was most of the int
    // arrays the optimizer allocated. A copy with another input makes its own (the init accessor).
    private Seq<int> _inputs = [Input];

    public int Input
    {
        get => _inputs[0];
        init => _inputs = [value];
    }

    public override Seq<int> Inputs => _inputs;
    public override RelNode WithInputs(Seq<int> inputs) => this with { Input = inputs[0] };
}

/// <summary>
/// A unary node whose rows are some of its input's rows, whole and unchanged (filter, sort,
/// limit): its schema is its input's, and it reads the columns asked of it plus the ones its
/// expressions read.
/// </summary>
public abstract record RowSubsetNode(int Id, string Name, int Input) : UnaryNode(Id, Name, Input)
{
    protected sealed override Schema DeriveSchema(IReadOnlyList<Schema> inputs) => inputs[0];

    public sealed override Seq<IReadOnlySet<string>?> ColumnsRead(IReadOnlySet<string>? needed) =>
        [needed is null ? null : Including(needed, Expressions)];
}
