using System.Numerics;

namespace Cwf.Interpretation.Geo;

/// <summary>
/// The x87's extended precision (C's <c>long double</c> on x86-64 Linux, where PostGIS runs): a 64-bit
/// significand, every sum and product rounded to nearest, ties to even. GEOS 3.11 computes its in-circle test
/// in it, and .NET has no such type; near-cocircular points are decided by exactly this rounding. The
/// exponent is unbounded (the x87's 15 bits are never reached from doubles here).
/// </summary>
internal readonly struct ExtendedFloat
{
    /// <summary>Zero, or a significand with its top bit set.</summary>
    private readonly ulong _significand;

    /// <summary>The value is ±<see cref="_significand"/>·2^<see cref="_exponent"/>.</summary>
    private readonly int _exponent;

    private readonly bool _negative;

    private ExtendedFloat(bool negative, ulong significand, int exponent)
    {
        _negative = negative;
        _significand = significand;
        _exponent = exponent;
    }

    private bool IsZero => _significand == 0;

    /// <summary>The value as ±significand·2^exponent (significand 0 for zero).</summary>
    public void Deconstruct(out bool negative, out ulong significand, out int exponent) =>
        (negative, significand, exponent) = (_negative, _significand, _exponent);

    /// <summary>A finite double, exactly.</summary>
    public static ExtendedFloat From(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), "extended precision of a finite value only");
        var bits = BitConverter.DoubleToInt64Bits(value);
        var negative = bits < 0;
        var biased = (int)((bits >> 52) & 0x7FF);
        var fraction = (ulong)bits & 0xF_FFFF_FFFF_FFFF;
        if (biased == 0 && fraction == 0) return default;
        // A subnormal double has no implicit bit and the exponent of the smallest normal one.
        var significand = biased == 0 ? fraction : fraction | (1UL << 52);
        var exponent = (biased == 0 ? 1 : biased) - 1075;
        var shift = BitOperations.LeadingZeroCount(significand);
        return new ExtendedFloat(negative, significand << shift, exponent - shift);
    }

    /// <summary><c>(long double)a - (long double)b</c>.</summary>
    public static ExtendedFloat Subtract(double a, double b) => From(a) + -From(b);

    public static ExtendedFloat operator -(ExtendedFloat x) => new(!x._negative, x._significand, x._exponent);

    public static ExtendedFloat operator *(ExtendedFloat x, ExtendedFloat y)
    {
        if (x.IsZero || y.IsZero) return default;
        return Round(x._negative != y._negative, (UInt128)x._significand * y._significand, x._exponent + y._exponent);
    }

    public static ExtendedFloat operator +(ExtendedFloat x, ExtendedFloat y)
    {
        if (x.IsZero) return y;
        if (y.IsZero) return x;
        if (CompareMagnitude(x, y) < 0) (x, y) = (y, x);
        // The larger significand at bit 126, so that a sum cannot carry out of 128 bits; the smaller shifted
        // against it, the bits shifted out kept as one sticky bit far below the rounding position.
        var large = (UInt128)x._significand << 63;
        var distance = x._exponent - y._exponent;
        UInt128 small;
        if (distance >= 127)
        {
            small = 1;
        }
        else
        {
            var aligned = (UInt128)y._significand << 63;
            small = aligned >> distance;
            if ((small << distance) != aligned) small |= 1;
        }
        var sum = x._negative == y._negative ? large + small : large - small;
        return sum == 0 ? default : Round(x._negative, sum, x._exponent - 63);
    }

    public static bool operator >(ExtendedFloat x, ExtendedFloat y) => Compare(x, y) > 0;

    public static bool operator <(ExtendedFloat x, ExtendedFloat y) => Compare(x, y) < 0;

    private static int Compare(ExtendedFloat x, ExtendedFloat y)
    {
        if (x.IsZero && y.IsZero) return 0;
        var xSign = x.IsZero ? 0 : x._negative ? -1 : 1;
        var ySign = y.IsZero ? 0 : y._negative ? -1 : 1;
        if (xSign != ySign) return xSign.CompareTo(ySign);
        var magnitude = CompareMagnitude(x, y);
        return x._negative ? -magnitude : magnitude;
    }

    /// <summary>Compares |x| and |y| of non-zero values (normalized, so the exponent decides first).</summary>
    private static int CompareMagnitude(ExtendedFloat x, ExtendedFloat y) =>
        x._exponent != y._exponent ? x._exponent.CompareTo(y._exponent) : x._significand.CompareTo(y._significand);

    /// <summary>±<paramref name="value"/>·2^<paramref name="exponent"/> (value non-zero) rounded to 64 significant bits, ties to even.</summary>
    private static ExtendedFloat Round(bool negative, UInt128 value, int exponent)
    {
        var width = 128 - (int)UInt128.LeadingZeroCount(value);
        var dropped = width - 64;
        if (dropped <= 0) return new ExtendedFloat(negative, (ulong)(value << -dropped), exponent + dropped);
        var significand = (ulong)(value >> dropped);
        var rest = value & ((UInt128.One << dropped) - 1);
        var half = UInt128.One << (dropped - 1);
        if (rest > half || (rest == half && (significand & 1) == 1))
        {
            significand++;
            if (significand == 0) return new ExtendedFloat(negative, 1UL << 63, exponent + dropped + 1);
        }
        return new ExtendedFloat(negative, significand, exponent + dropped);
    }
}
