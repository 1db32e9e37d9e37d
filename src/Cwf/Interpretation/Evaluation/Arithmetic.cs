using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Interpretation.Evaluation;

/// <summary>
/// Arithmetic on non-NULL numbers with SQL's rules: int64 overflow and division by zero are
/// errors (as every engine raises them), / is a true division (int64 / int64 is float64),
/// % keeps the sign of the dividend. Mixed kinds widen: int64 → decimal → float64. A float64
/// result that overflows to infinity from finite operands is an error, as in PostgreSQL.
/// </summary>
internal static class Arithmetic
{
    public static object Add(object a, object b) => (a, b) switch
    {
        (long x, long y) => Checked(() => checked(x + y)),
        (double x, double y) => Finite(x + y, x, y),
        _ when IsDecimalPair(a, b) => DecimalOp(() => ToDecimal(a) + ToDecimal(b)),
        _ => Finite(SqlValues.ToDouble(a) + SqlValues.ToDouble(b), SqlValues.ToDouble(a), SqlValues.ToDouble(b)),
    };

    public static object Subtract(object a, object b) => (a, b) switch
    {
        (long x, long y) => Checked(() => checked(x - y)),
        (double x, double y) => Finite(x - y, x, y),
        _ when IsDecimalPair(a, b) => DecimalOp(() => ToDecimal(a) - ToDecimal(b)),
        _ => Finite(SqlValues.ToDouble(a) - SqlValues.ToDouble(b), SqlValues.ToDouble(a), SqlValues.ToDouble(b)),
    };

    public static object Multiply(object a, object b) => (a, b) switch
    {
        (long x, long y) => Checked(() => checked(x * y)),
        (double x, double y) => Finite(x * y, x, y),
        _ when IsDecimalPair(a, b) => DecimalOp(() => ToDecimal(a) * ToDecimal(b)),
        _ => Finite(SqlValues.ToDouble(a) * SqlValues.ToDouble(b), SqlValues.ToDouble(a), SqlValues.ToDouble(b)),
    };

    /// <summary>True division: decimal when both sides are exact and one is decimal, float64 otherwise.</summary>
    public static object Divide(object a, object b)
    {
        if (IsZero(b)) throw DivisionByZero();
        if (IsDecimalPair(a, b)) return DecimalOp(() => ToDecimal(a) / ToDecimal(b));
        double x = SqlValues.ToDouble(a), y = SqlValues.ToDouble(b);
        return Finite(x / y, x, y);
    }

    public static object Modulo(object a, object b)
    {
        long x = (long)a, y = (long)b;
        if (y == 0) throw DivisionByZero();
        // long.MinValue % -1 overflows in .NET; mathematically it is 0.
        return y == -1 ? 0L : x % y;
    }

    public static object Negate(object a) => a switch
    {
        long l => Checked(() => checked(-l)),
        double d => -d,
        decimal m => -m,
        _ => throw new InvalidOperationException($"Cannot negate {a.GetType().Name}."),
    };

    public static bool IsDecimalPair(object a, object b) =>
        (a is decimal && b is decimal or long) || (b is decimal && a is long);

    public static decimal ToDecimal(object value) => value switch
    {
        decimal m => m,
        long l => l,
        _ => throw new InvalidOperationException($"{value.GetType().Name} is not exact."),
    };

    private static bool IsZero(object value) => value switch
    {
        long l => l == 0,
        double d => d == 0,
        decimal m => m == 0,
        _ => false,
    };

    public static InterpretationException DivisionByZero() => new(DiagnosticCodes.RuntimeDivisionByZero, "division by zero",
        "guard the divisor, for example nullif(divisor, 0)");

    public static InterpretationException Overflow(SqlType type) => new(DiagnosticCodes.RuntimeOverflow, $"{type.Name()} value out of range");

    private static object Checked(Func<long> operation)
    {
        try
        {
            return operation();
        }
        catch (OverflowException)
        {
            throw Overflow(SqlType.Int64);
        }
    }

    public static object DecimalOp(Func<decimal> operation)
    {
        try
        {
            return operation();
        }
        catch (OverflowException)
        {
            throw Overflow(SqlType.Decimal);
        }
    }

    public static double Finite(double result, double x, double y)
    {
        if (double.IsInfinity(result) && double.IsFinite(x) && double.IsFinite(y)) throw Overflow(SqlType.Float64);
        return result;
    }
}
