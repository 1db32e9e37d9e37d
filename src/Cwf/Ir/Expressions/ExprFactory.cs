namespace Cwf.Ir;

/// <summary>
/// Builds well-typed expressions, deriving result types and nullability by the rules in
/// <see cref="Typing"/>. Throws only on a compiler bug: front ends check operands and report
/// diagnostics before they build.
/// </summary>
public static class ExprFactory
{
    public static Expr Binary(BinaryOp op, Expr left, Expr right)
    {
        var type = Typing.Binary(op, left.Type, right.Type)
            ?? throw new InvalidOperationException($"Operator {op} does not apply to {left.Type.Name()} and {right.Type.Name()}.");
        return new Binary(op, left, right, type, left.Nullable || right.Nullable);
    }

    public static Expr And(Expr left, Expr right) => Binary(BinaryOp.And, left, right);
    public static Expr Or(Expr left, Expr right) => Binary(BinaryOp.Or, left, right);
    public static Expr Eq(Expr left, Expr right) => Binary(BinaryOp.Equal, left, right);

    public static Expr Not(Expr operand) => Unary(UnaryOp.Not, operand);

    public static Expr Unary(UnaryOp op, Expr operand)
    {
        var type = Typing.Unary(op, operand.Type)
            ?? throw new InvalidOperationException($"Operator {op} does not apply to {operand.Type.Name()}.");
        return new Unary(op, operand, type, operand.Nullable);
    }

    public static Expr Call(BuiltinFunction function, params Expr[] args)
    {
        var type = Typing.Call(function, [.. args.Select(a => a.Type)])
            ?? throw new InvalidOperationException($"{function.Name} does not accept ({string.Join(", ", args.Select(a => a.Type.Name()))}).");
        return new Call(function, [.. args], type, Typing.CallNullable(function, args));
    }

    public static Expr Cast(Expr operand, SqlType type) => operand.Type == type ? operand : new Cast(operand, type);

    public static Expr IsNull(Expr operand, bool negated = false) => new IsNull(operand, negated);

    public static Expr InList(Expr operand, IEnumerable<Expr> items, bool negated = false)
    {
        var list = items.ToSeq();
        return new InList(operand, list, negated, operand.Nullable || list.Any(i => i.Nullable));
    }

    public static Expr Between(Expr operand, Expr low, Expr high, bool negated = false) =>
        new Between(operand, low, high, negated, operand.Nullable || low.Nullable || high.Nullable);

    public static Expr Like(Expr operand, Expr pattern, bool negated = false) =>
        new Like(operand, pattern, negated, operand.Nullable || pattern.Nullable);

    public static Expr Case(IEnumerable<WhenClause> whens, Expr? @else)
    {
        var list = whens.ToSeq();
        SqlType type = SqlType.Unknown;
        foreach (var result in list.Select(w => w.Result).Append(@else).OfType<Expr>())
            type = SqlTypeFacts.CommonType(type, result.Type)
                ?? throw new InvalidOperationException("CASE branches have no common type.");
        bool nullable = @else is null || @else.Nullable || list.Any(w => w.Result.Nullable);
        return new Case(list, @else, type, nullable);
    }

    /// <summary>
    /// A reference to a column of a schema (input 0 unless given). From input 0 it is the column's one shared
    /// <see cref="Ir.Column.Reference"/>, so that a workflow holds a reference per column, not per use of a name:
    /// whatever keys facts by expression object must not key them on a column reference. (The binder's units are keyed
    /// so, but only literals, parameters and the expressions it makes of them carry a unit: a column never does.)
    /// </summary>
    public static ColumnRef Column(Column column, int input = 0) => input == 0 ? column.Reference : new(column.Name, column.Type, column.Nullable, input);
}
