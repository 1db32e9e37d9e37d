namespace Cwf.Ir;

/// <summary>An output column computed by an expression.</summary>
public sealed record NamedExpr(string Name, Expr Expr)
{
    public Column ToColumn() => new(Name, Expr.Type, Expr.Nullable);

    /// <summary>
    /// The output column of this item at <paramref name="position"/> of a list over <paramref name="input"/>: the
    /// input's own column object when it is equal (the column at the same position, or the one a column
    /// reference reads), so that a step shares the columns it passes on.
    /// </summary>
    public Column ToColumn(Schema input, int position) => Source(input, position) ?? ToColumn();

    /// <summary>
    /// This item, or the equal <see cref="Column.PassThrough"/> item of the input column it passes on unchanged
    /// (at <paramref name="position"/> of a list over <paramref name="input"/>): a projection built from a bound
    /// select list then holds one item per input column instead of one per step.
    /// </summary>
    public NamedExpr SharedOver(Schema input, int position) =>
        Expr is ColumnRef { Input: 0 } && Source(input, position) is { } source && source.PassThrough.Equals(this) ? source.PassThrough : this;

    // The input column equal to this item's output column, looked for where it would be without building a name index.
    private Column? Source(Schema input, int position)
    {
        var source = position < input.Count ? input[position] : null;
        if (Expr is ColumnRef { Input: 0 } read && (source is null || !string.Equals(source.Name, read.Name, StringComparison.OrdinalIgnoreCase)))
            source = input.FindWithoutIndexing(read.Name);
        return source is not null && source.Has(Name, Expr.Type, Expr.Nullable) ? source : null;
    }

    public override string ToString() => Expr is ColumnRef c && c.Name == Name && c.Input == 0 ? Name : $"{Name} := {Expr}";
}
