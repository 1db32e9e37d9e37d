namespace Cwf.Ir;

/// <summary>
/// The typing rules of the IR, shared by both front ends, the optimizer and the interpreter:
/// given operand types, the result type (or null when the operands are not allowed).
/// Written down in spec/ir.md ("Types").
/// </summary>
public static class Typing
{
    public static bool ArgAccepts(ArgKind kind, SqlType type) => type == SqlType.Unknown || kind switch
    {
        ArgKind.Any or ArgKind.Common => true,
        ArgKind.Numeric => type.IsNumeric(),
        ArgKind.Integer => type == SqlType.Int64,
        ArgKind.String => type == SqlType.String,
        ArgKind.Bool => type == SqlType.Bool,
        ArgKind.Date => type == SqlType.Date,
        ArgKind.Temporal => type.IsTemporal(),
        ArgKind.Timestamp => type == SqlType.Timestamp,
        ArgKind.Geography => type == SqlType.Geography,
        _ => false,
    };

    /// <summary>The result type of a binary operator, or null when the operand types are not allowed.</summary>
    public static SqlType? Binary(BinaryOp op, SqlType left, SqlType right)
    {
        switch (op)
        {
            case BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply:
                return NumericOrUnknown(left, right) ? SqlTypeFacts.CommonType(left, right) is { } t && t != SqlType.Unknown ? t : SqlType.Unknown : null;
            case BinaryOp.Divide:
                if (!NumericOrUnknown(left, right)) return null;
                return left == SqlType.Decimal && right is SqlType.Decimal or SqlType.Int64 ||
                       right == SqlType.Decimal && left == SqlType.Int64
                    ? SqlType.Decimal
                    : SqlType.Float64;
            case BinaryOp.Modulo:
                return IsIntegerOrUnknown(left) && IsIntegerOrUnknown(right) ? SqlType.Int64 : null;
            case BinaryOp.Concat:
                return IsOrUnknown(left, SqlType.String) && IsOrUnknown(right, SqlType.String) ? SqlType.String : null;
            case BinaryOp.Equal or BinaryOp.NotEqual or BinaryOp.Less or BinaryOp.LessOrEqual or BinaryOp.Greater or BinaryOp.GreaterOrEqual:
                return left.IsComparable() && right.IsComparable() && SqlTypeFacts.CommonType(left, right) is not null ? SqlType.Bool : null;
            case BinaryOp.And or BinaryOp.Or:
                return IsOrUnknown(left, SqlType.Bool) && IsOrUnknown(right, SqlType.Bool) ? SqlType.Bool : null;
            default:
                return null;
        }
    }

    public static SqlType? Unary(UnaryOp op, SqlType operand) => op switch
    {
        UnaryOp.Not => IsOrUnknown(operand, SqlType.Bool) ? SqlType.Bool : null,
        UnaryOp.Negate => operand.IsNumeric() || operand == SqlType.Unknown ? operand : null,
        _ => null,
    };

    /// <summary>The result type of a call, or null when the argument count or types do not fit.</summary>
    public static SqlType? Call(BuiltinFunction function, IReadOnlyList<SqlType> args)
    {
        if (args.Count < function.MinArgs || args.Count > function.MaxArgs) return null;
        for (int i = 0; i < args.Count; i++)
            if (!ArgAccepts(function.ParameterAt(i), args[i])) return null;
        switch (function.Result)
        {
            case ResultRule.SameAsFirst:
                return args[0];
            case ResultRule.CommonOfArgs:
                SqlType common = SqlType.Unknown;
                foreach (var a in args)
                {
                    if (SqlTypeFacts.CommonType(common, a) is not { } next) return null;
                    common = next;
                }
                return common;
            default:
                return function.FixedType;
        }
    }

    public static bool CallNullable(BuiltinFunction function, IReadOnlyList<Expr> args) => function.Nulls switch
    {
        NullRule.Never => false,
        NullRule.Always => true,
        NullRule.AllArgs => args.All(a => a.Nullable),
        _ => args.Any(a => a.Nullable),
    };

    /// <summary>Whether <paramref name="from"/> can be cast to <paramref name="to"/> with CAST.</summary>
    public static bool CanCast(SqlType from, SqlType to) =>
        from == to || from == SqlType.Unknown || to == SqlType.Unknown ||
        (from, to) switch
        {
            (SqlType.Geography, SqlType.String) or (SqlType.String, SqlType.Geography) => true,
            (SqlType.Geography, _) or (_, SqlType.Geography) => false,
            (SqlType.Bool, SqlType.Date or SqlType.Timestamp) or (SqlType.Date or SqlType.Timestamp, SqlType.Bool) => false,
            (SqlType.Date or SqlType.Timestamp, SqlType.Int64 or SqlType.Float64 or SqlType.Decimal) => false,
            (SqlType.Int64 or SqlType.Float64 or SqlType.Decimal, SqlType.Date or SqlType.Timestamp) => false,
            _ => true,
        };

    private static bool NumericOrUnknown(SqlType a, SqlType b) =>
        (a.IsNumeric() || a == SqlType.Unknown) && (b.IsNumeric() || b == SqlType.Unknown);

    private static bool IsIntegerOrUnknown(SqlType t) => t is SqlType.Int64 or SqlType.Unknown;

    private static bool IsOrUnknown(SqlType t, SqlType expected) => t == expected || t == SqlType.Unknown;
}
