using Cwf.Ir;

namespace Cwf.Interpretation.Evaluation;

/// <summary>
/// round(x, digits): half away from zero at any number of digits (negative: tens, hundreds...).
/// A float64 is rounded through its 15-significant-digit decimal value, as PostgreSQL rounds
/// numeric(x), so round(2.675, 2) is 2.68 even though the double is slightly below 2.675.
/// </summary>
internal static class Rounding
{
    public static object Round(object value, long digits) => value switch
    {
        long l => RoundInteger(l, digits),
        decimal m => RoundDecimal(m, digits),
        double d => RoundDouble(d, digits),
        _ => throw new InvalidOperationException($"round of {value.GetType().Name}"),
    };

    private static long RoundInteger(long value, long digits)
    {
        if (digits >= 0) return value;
        if (digits < -18) return 0;
        long unit = Pow10((int)-digits);
        long quotient = value / unit, remainder = value % unit;
        if (Math.Abs(remainder) * 2 >= unit) quotient += Math.Sign(value);
        try
        {
            return checked(quotient * unit);
        }
        catch (OverflowException)
        {
            throw Arithmetic.Overflow(SqlType.Int64);
        }
    }

    private static decimal RoundDecimal(decimal value, long digits)
    {
        if (digits >= 28) return value;
        if (digits >= 0) return Math.Round(value, (int)digits, MidpointRounding.AwayFromZero);
        if (digits < -28) return 0m;
        decimal unit = (decimal)Math.Pow(10, -digits);
        return (decimal)Arithmetic.DecimalOp(() => Math.Round(value / unit, MidpointRounding.AwayFromZero) * unit);
    }

    private static double RoundDouble(double value, long digits)
    {
        if (!double.IsFinite(value)) return value;
        // Beyond decimal's range a double has no fractional digits left to round.
        if (Math.Abs(value) >= 7.9e27) return digits >= 0 ? value : RoundViaScaling(value, digits);
        return (double)RoundDecimal((decimal)value, digits);
    }

    private static double RoundViaScaling(double value, long digits)
    {
        double unit = Math.Pow(10, -digits);
        return Math.Round(value / unit, MidpointRounding.AwayFromZero) * unit;
    }

    private static long Pow10(int n)
    {
        long result = 1;
        for (int i = 0; i < n; i++) result *= 10;
        return result;
    }
}
