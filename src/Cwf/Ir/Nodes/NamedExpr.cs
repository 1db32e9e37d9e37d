namespace Cwf.Ir;

/// <summary>An output column computed by an expression.</summary>
public sealed record NamedExpr(string Name, Expr Expr)
{
    public Column ToColumn() => new(Name, Expr.Type, Expr.Nullable);
    public override string ToString() => Expr is ColumnRef c && c.Name == Name && c.Input == 0 ? Name : $"{Name} := {Expr}";
}
