namespace Cwf.Ir;

public enum JoinKind
{
    Inner,
    Left,
    Right,
    Full,
}

/// <summary>One output column of a join: column <paramref name="Column"/> of input <paramref name="Side"/> (0 left, 1 right) named <paramref name="Name"/>.</summary>
public sealed record JoinOutput(int Side, string Column, string Name)
{
    // The last output column this item made: the joins that share the item (WorkflowBuilder.JoinedSuffixOutputs)
    // then share the renamed column too, where it has the same type and nullability. One field, so that a
    // reader on another thread sees a whole column or none; checked by value, so a copy made with `with` cannot misuse it.
    private Column? _made;

    /// <summary>
    /// This output's column over <paramref name="source"/>, nullable too when its side is <paramref name="optional"/>
    /// (an outer join's): the source column itself when that changes nothing, else an equal column made before, else a new one.
    /// </summary>
    public Column Over(Column source, bool optional)
    {
        bool nullable = source.Nullable || optional;
        if (source.Has(Name, source.Type, nullable)) return source;
        var made = _made;
        return made is not null && made.Has(Name, source.Type, nullable) ? made : _made = new Column(Name, source.Type, nullable);
    }

    // By value, as the record compares it, without the column it made.
    public bool Equals(JoinOutput? other) =>
        ReferenceEquals(this, other) || other is not null && Side == other.Side && Column == other.Column && Name == other.Name;

    public override int GetHashCode() => HashCode.Combine(Side, Column, Name);
}

/// <summary>
/// Joins two inputs on a condition over both (column refs with Input 0 = left, 1 = right):
/// an equality of columns, a spatial predicate, or any boolean expression. The output columns
/// are listed explicitly (the canvas contract appends the right side's columns as <c>&lt;col&gt;_joined</c>).
/// </summary>
public sealed record JoinNode(int Id, string Name, int Left, int Right, JoinKind Kind, Expr Condition, Seq<JoinOutput> Outputs)
    : BinaryNode(Id, Name, Left, Right)
{
    // The condition as its one-element expression list, made when it is set (see FilterNode).
    private Seq<Expr> _expressions = [Condition];

    public Expr Condition
    {
        get => _expressions[0];
        init => _expressions = [value];
    }

    public override string OperatorName => "join";
    public override Seq<Expr> Expressions => _expressions;
    public override RelNode WithExpressions(Seq<Expr> expressions) => this with { Condition = expressions[0] };

    public override Seq<IReadOnlySet<string>?> ColumnsRead(IReadOnlySet<string>? needed)
    {
        // Sized for every output of the side and a key of the condition, so that no set grows: every join, every round.
        int leftOutputs = 0;
        foreach (var o in Outputs)
            if (o.Side == 0) leftOutputs++;
        ColumnNameSet[] sides = [new(leftOutputs + 1), new(Outputs.Count - leftOutputs + 1)];
        // The kept outputs without a list of them (every join, every round), unless none is kept.
        bool any = false;
        foreach (var o in Outputs)
        {
            if (needed is not null && !needed.Contains(o.Name)) continue;
            sides[o.Side].Add(o.Column);
            any = true;
        }
        if (!any)
            foreach (var o in KeptOutputs(needed)) sides[o.Side].Add(o.Column);
        for (int side = 0; side < sides.Length; side++) Predicates.AddColumnNames(Condition, sides[side], side);
        return [sides[0], sides[1]];
    }

    public override string Describe(Func<int, string> inputName) =>
        $"join[{Kind.ToString().ToLowerInvariant()}] {inputName(Left)} {inputName(Right)} on {Condition} -> " +
        $"[{string.Join(", ", Outputs.Select(o => o.Column == o.Name ? $"{o.Side}.{o.Column}" : $"{o.Side}.{o.Column} as {o.Name}"))}]";

    public override T Accept<T>(IRelNodeVisitor<T> visitor) => visitor.VisitJoin(this);

    /// <summary>
    /// The listed outputs; outer joins make the columns of the optional side nullable. An output that keeps its
    /// input column's name and nullability is that column object, and
    /// joins sharing an output share the column it renames (<see cref="JoinOutput.Over"/>).
    /// </summary>
    protected override Schema DeriveSchema(IReadOnlyList<Schema> inputs)
    {
        bool leftOptional = Kind is JoinKind.Right or JoinKind.Full;
        bool rightOptional = Kind is JoinKind.Left or JoinKind.Full;
        return new Schema(Outputs.Map(o =>
        {
            var source = inputs[o.Side].Find(o.Column)
                ?? throw new InvalidOperationException($"Join output reads missing column '{o.Column}'.");
            return o.Over(source, o.Side == 0 ? leftOptional : rightOptional);
        }), inputs[0].IsOpen || inputs[1].IsOpen);
    }

    /// <summary>The outputs that are needed (null: all); when none is, one the condition reads anyway (a count over the join).</summary>
    public List<JoinOutput> KeptOutputs(IReadOnlySet<string>? needed)
    {
        // A loop, not LINQ: projection pruning asks it of every join whose outputs it prunes.
        var kept = new List<JoinOutput>(Outputs.Count);
        foreach (var o in Outputs)
            if (needed is null || needed.Contains(o.Name)) kept.Add(o);
        if (kept.Count > 0 || Outputs.IsEmpty) return kept;
        var read = Predicates.Columns(Condition).ToList();
        return [Outputs.FirstOrDefault(o => read.Any(r => r.Input == o.Side && r.Name.Equals(o.Column, StringComparison.OrdinalIgnoreCase))) ?? Outputs[0]];
    }
}
