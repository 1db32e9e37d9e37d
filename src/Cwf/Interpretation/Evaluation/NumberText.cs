using System.Globalization;
using System.Text;

namespace Cwf.Interpretation.Evaluation;

/// <summary>
/// Text forms of doubles that match what the reference engine prints: PostgreSQL's float8
/// output (shortest round-trip digits, exponent form below 1e-4 and from 1e15) and PostGIS's
/// WKT ordinates (at most 15 decimals, exponent form from 1e15 and at or below 1e-8).
/// </summary>
internal static class NumberText
{
    /// <summary>PostgreSQL's text form of a float8: <c>0.1</c>, <c>1e-05</c>, <c>1.5e+15</c>, <c>NaN</c>, <c>Infinity</c>.</summary>
    public static string Float(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsInfinity(d)) return d > 0 ? "Infinity" : "-Infinity";
        if (d == 0) return double.IsNegative(d) ? "-0" : "0";
        var (negative, digits, exponent) = Decompose(d);
        var sb = new StringBuilder();
        if (negative) sb.Append('-');
        if (exponent < -4 || exponent >= 15) AppendExponential(sb, digits, exponent, minExponentDigits: 2);
        else AppendFixed(sb, digits, exponent);
        return sb.ToString();
    }

    /// <summary>
    /// PostGIS's GeoJSON ordinate (ST_AsGeoJSON, 9 decimals): fixed with at most 9 decimals, or from
    /// 1e15 and at or below 1e-8 an exponent form with at most 9 decimals (<c>1.5e-9</c>); rounded
    /// half to even from the double's exact value, as ryu's d2fixed/d2exp that PostGIS calls.
    /// </summary>
    public static string GeoJsonOrdinate(double d)
    {
        const int decimals = 9;
        if (!double.IsFinite(d)) throw new ArgumentOutOfRangeException(nameof(d), "GeoJSON holds finite numbers only");
        if (d == 0) return "0";
        double ad = Math.Abs(d);
        string sign = d < 0 ? "-" : "";
        if (ad < 1e15 && ad > 1e-8)
        {
            var scaled = ExactScaled(ad, decimals);
            if (scaled.IsZero) return "0";
            var text = scaled.ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
            var whole = text[..^decimals];
            var fraction = text[^decimals..].TrimEnd('0');
            return sign + whole + (fraction.Length > 0 ? "." + fraction : "");
        }
        // One digit before the point: find the decimal exponent, then round to 10 significant digits.
        int exponent = (int)Math.Floor(Math.Log10(ad));
        var mantissa = ExactScaled(ad, decimals - exponent);
        var limit = System.Numerics.BigInteger.Pow(10, decimals + 1);
        if (mantissa >= limit) { exponent++; mantissa = ExactScaled(ad, decimals - exponent); }
        else if (mantissa < limit / 10) { exponent--; mantissa = ExactScaled(ad, decimals - exponent); }
        var digits = mantissa.ToString(CultureInfo.InvariantCulture);
        var rest = digits[1..].TrimEnd('0');
        return sign + digits[0] + (rest.Length > 0 ? "." + rest : "") + "e" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>round(x · 10^power) to the nearest integer, ties to even, computed exactly from the double's bits.</summary>
    private static System.Numerics.BigInteger ExactScaled(double x, int power)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        int biased = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xFFFFFFFFFFFFFL;
        System.Numerics.BigInteger m = biased == 0 ? fraction : fraction | (1L << 52);
        int e = (biased == 0 ? 1 : biased) - 1075;
        System.Numerics.BigInteger numerator = m, denominator = 1;
        if (power >= 0) numerator *= System.Numerics.BigInteger.Pow(10, power);
        else denominator *= System.Numerics.BigInteger.Pow(10, -power);
        if (e >= 0) numerator <<= e;
        else denominator <<= -e;
        var quotient = System.Numerics.BigInteger.DivRem(numerator, denominator, out var remainder);
        int half = (remainder * 2).CompareTo(denominator);
        return half > 0 || half == 0 && !quotient.IsEven ? quotient + 1 : quotient;
    }

    /// <summary>PostGIS's text form of a WKT ordinate (ST_AsText): <c>0.333333333333333</c>, <c>1e+20</c>, <c>1e-8</c>.</summary>
    public static string Ordinate(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsInfinity(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return "0";
        const int maxDecimals = 15;
        double ad = Math.Abs(d);
        var (negative, digits, exponent) = Decompose(d);
        var sb = new StringBuilder();
        if (ad >= 1e15 || ad <= 1e-8)
        {
            (digits, exponent) = RoundDigits(digits, exponent, maxDecimals + 1);
            if (negative) sb.Append('-');
            AppendExponential(sb, digits, exponent, minExponentDigits: 1);
        }
        else
        {
            (digits, exponent) = RoundDigits(digits, exponent, exponent + 1 + maxDecimals);
            if (digits.Length == 0) return "0";
            if (negative) sb.Append('-');
            AppendFixed(sb, digits, exponent);
        }
        return sb.ToString();
    }

    /// <summary>The shortest round-trip decimal digits of a finite non-zero double: value = ±d1.d2d3... × 10^exponent.</summary>
    private static (bool Negative, string Digits, int Exponent) Decompose(double d)
    {
        var shortest = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        int e = shortest.IndexOfAny(['E', 'e']);
        string mantissa = e < 0 ? shortest : shortest[..e];
        int exp10 = e < 0 ? 0 : int.Parse(shortest[(e + 1)..], CultureInfo.InvariantCulture);
        int point = mantissa.IndexOf('.');
        string intPart = point < 0 ? mantissa : mantissa[..point];
        string fracPart = point < 0 ? "" : mantissa[(point + 1)..];
        string all = intPart + fracPart;
        int leading = 0;
        while (leading < all.Length - 1 && all[leading] == '0') leading++;
        string digits = all[leading..].TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        int exponent = intPart.Length - 1 - leading + exp10;
        return (d < 0, digits, exponent);
    }

    /// <summary>Rounds half up to <paramref name="significant"/> digits (none left: the value rounded to zero).</summary>
    private static (string Digits, int Exponent) RoundDigits(string digits, int exponent, int significant)
    {
        if (digits.Length <= significant) return (digits, exponent);
        if (significant < 0) return ("", exponent);
        var kept = digits[..significant].ToCharArray();
        bool up = digits[significant] >= '5';
        if (up)
        {
            int i = kept.Length - 1;
            while (i >= 0 && kept[i] == '9')
            {
                kept[i] = '0';
                i--;
            }
            if (i >= 0) kept[i]++;
            else
            {
                kept = ['1', .. kept];
                exponent++;
            }
        }
        string result = new string(kept).TrimEnd('0');
        return (result, exponent);
    }

    private static void AppendExponential(StringBuilder sb, string digits, int exponent, int minExponentDigits)
    {
        sb.Append(digits[0]);
        if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
        sb.Append('e').Append(exponent < 0 ? '-' : '+');
        sb.Append(Math.Abs(exponent).ToString(CultureInfo.InvariantCulture).PadLeft(minExponentDigits, '0'));
    }

    private static void AppendFixed(StringBuilder sb, string digits, int exponent)
    {
        if (exponent < 0)
        {
            sb.Append("0.").Append('0', -exponent - 1).Append(digits);
            return;
        }
        if (digits.Length <= exponent + 1)
        {
            sb.Append(digits).Append('0', exponent + 1 - digits.Length);
            return;
        }
        sb.Append(digits, 0, exponent + 1).Append('.').Append(digits, exponent + 1, digits.Length - exponent - 1);
    }
}
