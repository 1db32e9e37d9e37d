namespace Cwf.Ir;

/// <summary>
/// One output column of a relation: its name, type and whether it may hold NULL. A column is
/// immutable, so the schemas of a workflow share one instance where a column passes through a
/// step unchanged (spec/ir.md, "Shared columns"); equality stays by value.
/// </summary>
public sealed record Column(string Name, SqlType Type, bool Nullable = true)
{
    // Made on first use and shared by every projection that passes this column on unchanged: a
    // step of a pipeline lists each input column it keeps, and one list item per column per step
    // was most of the expressions a bound workflow held.
    private NamedExpr? _passThrough;

    // A copy made with `with` has other values: it makes its own pass-through item.
    private Column(Column original)
    {
        Name = original.Name;
        Type = original.Type;
        Nullable = original.Nullable;
    }

    /// <summary>The item of a projection that passes this column on as it is (<c>name := name</c>), one instance per column.</summary>
    public NamedExpr PassThrough => _passThrough ??= new(Name, new ColumnRef(Name, Type, Nullable));

    /// <summary>
    /// The reference to this column from the first input, one instance per column (the expression of <see cref="PassThrough"/>,
    /// which a referenced column mostly needs anyway): every expression that reads the column holds this one.
    /// </summary>
    public ColumnRef Reference => (ColumnRef)PassThrough.Expr;

    /// <summary>This very column when it has these values, else a new column with them: a derived schema shares what it does not change.</summary>
    public Column With(string name, SqlType type, bool nullable) => Has(name, type, nullable) ? this : new(name, type, nullable);

    /// <summary>Whether this column has these values (the name compared exactly, as equality compares it).</summary>
    public bool Has(string name, SqlType type, bool nullable) =>
        type == Type && nullable == Nullable && string.Equals(name, Name, StringComparison.Ordinal);

    public bool Equals(Column? other) => ReferenceEquals(this, other) || other is not null && other.Has(Name, Type, Nullable);

    public override int GetHashCode() => HashCode.Combine(Name, Type, Nullable);

    public override string ToString() => $"{Name}: {Type.Name()}{(Nullable ? "" : " not null")}";
}
