using Cwf.Ir;

namespace Cwf.Optimization;

/// <summary>
/// Folds constants and simplifies boolean logic in one expression, bottom-up, under SQL's
/// three-valued logic: <c>false AND NULL</c> is false, <c>true AND NULL</c> is NULL, so
/// <c>x AND true</c> becomes x but <c>x AND NULL</c> stays. Nothing is folded whose value could
/// differ between warehouses or fail at run time: integer overflow, division by zero, string
/// ordering (collations differ), casts from strings, decimal division. The result keeps the
/// expression's type (a cast is added when a simpler form has another numeric type).
/// </summary>
internal static class ExprSimplifier
{
    /// <summary>
    /// The function that simplifies an expression; <paramref name="constant"/> gives the value of a
    /// parameter that is fixed (non-public), or null. One function for many expressions: a pass
    /// over every node makes its delegates once, not per expression.
    /// </summary>
    public static Func<Expr, Expr> Simplifier(Func<ParamRef, Literal?> constant)
    {
        Func<Expr, Expr> step = x => Step(x, constant);
        return e => Predicates.Rewrite(e, step);
    }

    private static Expr Step(Expr e, Func<ParamRef, Literal?> constant)
    {
        var result = e switch
        {
            ParamRef p => constant(p) ?? e,
            Unary u => Unary(u),
            Binary b => Binary(b),
            IsNull n => n.Operand is Literal l ? Literal.Bool(l.Value is null != n.Negated)
                : !n.Operand.Nullable ? Literal.Bool(n.Negated) : e,
            Call { Function.Name: "coalesce" } c => Coalesce(c),
            Case c => CaseWhen(c),
            Cast { Operand: Literal l } c => CastLiteral(l, c.Type) ?? e,
            _ => e,
        };
        return ReferenceEquals(result, e) ? e : Typed(result, e);
    }

    private static Expr Typed(Expr result, Expr original)
    {
        if (result.Type == original.Type || original.Type == SqlType.Unknown) return result;
        if (result is Literal { Value: null }) return Literal.Null(original.Type);
        return ExprFactory.Cast(result, original.Type);
    }

    private static Expr Unary(Unary u)
    {
        switch (u.Op, u.Operand)
        {
            case (UnaryOp.Not, Literal { Value: bool b }): return Literal.Bool(!b);
            case (UnaryOp.Not, Literal { Value: null }): return Literal.Null(SqlType.Bool);
            case (UnaryOp.Not, Unary { Op: UnaryOp.Not } inner): return inner.Operand;
            case (UnaryOp.Negate, Literal { Value: null }): return Literal.Null(u.Type);
            case (UnaryOp.Negate, Literal { Value: long l }) when l != long.MinValue: return Literal.Int(-l);
            case (UnaryOp.Negate, Literal { Value: double d }): return Literal.Float(-d);
            case (UnaryOp.Negate, Literal { Value: decimal m }): return Literal.Decimal(-m);
            default: return u;
        }
    }

    private static Expr Binary(Binary b)
    {
        if (b.Op == BinaryOp.And) return Connective(b, dominant: false);
        if (b.Op == BinaryOp.Or) return Connective(b, dominant: true);
        if (b.Left is not Literal left || b.Right is not Literal right) return b;
        // Every other operator is NULL when an operand is NULL.
        if (left.Value is null || right.Value is null) return Literal.Null(b.Type);
        return b.Op switch
        {
            BinaryOp.Concat when left.Value is string x && right.Value is string y => Literal.String(x + y),
            BinaryOp.Equal or BinaryOp.NotEqual or BinaryOp.Less or BinaryOp.LessOrEqual or BinaryOp.Greater or BinaryOp.GreaterOrEqual
                => Compare(b.Op, left, right) is { } r ? Literal.Bool(r) : (Expr)b,
            _ => (Expr?)Arithmetic(b.Op, left, right, b.Type) ?? b,
        };
    }

    /// <summary>
    /// AND (<paramref name="dominant"/> false) or OR (true): the dominant literal on either side
    /// decides, the other one is the identity, and a deterministic <c>x op x</c> is <c>x</c>.
    /// </summary>
    private static Expr Connective(Binary b, bool dominant)
    {
        if (IsBool(b.Left, dominant) || IsBool(b.Right, dominant)) return Literal.Bool(dominant);
        if (IsBool(b.Left, !dominant)) return b.Right;
        if (IsBool(b.Right, !dominant)) return b.Left;
        if (b.Left.Equals(b.Right) && Predicates.IsDeterministic(b.Left)) return b.Left;
        return b;
    }

    private static bool IsBool(Expr e, bool value) => e is Literal { Value: bool v } && v == value;

    private static bool? Compare(BinaryOp op, Literal left, Literal right)
    {
        int? order = (left.Value, right.Value) switch
        {
            (long x, long y) => x.CompareTo(y),
            (double x, double y) when !double.IsNaN(x) && !double.IsNaN(y) => x.CompareTo(y),
            (decimal x, decimal y) => x.CompareTo(y),
            (long x, decimal y) => ((decimal)x).CompareTo(y),
            (decimal x, long y) => x.CompareTo(y),
            (DateOnly x, DateOnly y) => x.CompareTo(y),
            (DateTime x, DateTime y) => x.CompareTo(y),
            _ => null,
        };
        if (order is { } o)
        {
            return op switch
            {
                BinaryOp.Equal => o == 0,
                BinaryOp.NotEqual => o != 0,
                BinaryOp.Less => o < 0,
                BinaryOp.LessOrEqual => o <= 0,
                BinaryOp.Greater => o > 0,
                _ => o >= 0,
            };
        }
        // Strings and booleans: equality only (string ordering depends on the collation).
        if (op is BinaryOp.Equal or BinaryOp.NotEqual && left.Value?.GetType() == right.Value?.GetType() && left.Value is string or bool)
            return left.Value!.Equals(right.Value) == (op == BinaryOp.Equal);
        return null;
    }

    private static Literal? Arithmetic(BinaryOp op, Literal left, Literal right, SqlType type)
    {
        try
        {
            switch (type)
            {
                case SqlType.Int64 when left.Value is long x && right.Value is long y:
                    return op switch
                    {
                        BinaryOp.Add => Literal.Int(checked(x + y)),
                        BinaryOp.Subtract => Literal.Int(checked(x - y)),
                        BinaryOp.Multiply => Literal.Int(checked(x * y)),
                        BinaryOp.Modulo when y != 0 => Literal.Int(x % y),
                        _ => null,
                    };
                case SqlType.Float64 when AsDouble(left.Value) is { } x && AsDouble(right.Value) is { } y:
                    double r = op switch
                    {
                        BinaryOp.Add => x + y,
                        BinaryOp.Subtract => x - y,
                        BinaryOp.Multiply => x * y,
                        BinaryOp.Divide when y != 0 => x / y,
                        _ => double.NaN,
                    };
                    return double.IsFinite(r) ? Literal.Float(r) : null;
                case SqlType.Decimal when AsDecimal(left.Value) is { } x && AsDecimal(right.Value) is { } y:
                    return op switch
                    {
                        BinaryOp.Add => Literal.Decimal(x + y),
                        BinaryOp.Subtract => Literal.Decimal(x - y),
                        BinaryOp.Multiply => Literal.Decimal(x * y),
                        _ => null,
                    };
                default:
                    return null;
            }
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static double? AsDouble(object? v) => v switch { long l => l, double d => d, decimal m => (double)m, _ => null };
    private static decimal? AsDecimal(object? v) => v switch { long l => l, decimal m => m, _ => null };

    private static Literal? CastLiteral(Literal l, SqlType type) => (l.Value, type) switch
    {
        (null, _) => Literal.Null(type),
        (_, _) when l.Type == type => l,
        (long x, SqlType.Float64) => Literal.Float(x),
        (long x, SqlType.Decimal) => Literal.Decimal(x),
        (decimal x, SqlType.Float64) => Literal.Float((double)x),
        _ => null,
    };

    private static Expr Coalesce(Call c)
    {
        var args = new List<Expr>();
        foreach (var a in c.Args)
        {
            if (a is Literal { Value: null }) continue;
            args.Add(a);
            if (!a.Nullable) break;
        }
        if (args.Count == 0) return Literal.Null(c.Type);
        if (args.Count == 1) return args[0];
        return args.Count == c.Args.Count ? c : c with { Args = args.ToSeq(), Nullable = args.All(a => a.Nullable) };
    }

    private static Expr CaseWhen(Case c)
    {
        var whens = new List<WhenClause>();
        Expr? @else = c.Else;
        foreach (var w in c.Whens)
        {
            if (w.Condition is Literal { Value: false or null }) continue;
            if (w.Condition is Literal { Value: true })
            {
                @else = w.Result;
                break;
            }
            whens.Add(w);
        }
        if (whens.Count == 0) return @else ?? Literal.Null(c.Type);
        return whens.Count == c.Whens.Count && ReferenceEquals(@else, c.Else) ? c : c with { Whens = whens.ToSeq(), Else = @else };
    }
}
