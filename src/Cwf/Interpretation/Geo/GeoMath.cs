namespace Cwf.Interpretation.Geo;

/// <summary>
/// Angle and summation helpers of GeographicLib (C. F. F. Karney, MIT/X11 licence), ported
/// with <see cref="Geodesic"/>: exact argument reduction in degrees keeps round-off small.
/// </summary>
internal static class GeoMath
{
    public const double Degree = Math.PI / 180;
    public static readonly double Epsilon = Math.Pow(0.5, 52);

    public static double Sq(double x) => x * x;

    // Math.hypot-like, as GeographicLib's JavaScript port does it (the built-in differs in the last bit).
    public static double Hypot(double x, double y) => Math.Sqrt(x * x + y * y);

    public static double CopySign(double x, double y) =>
        Math.Abs(x) * (y < 0 || (y == 0 && double.IsNegative(y)) ? -1 : 1);

    /// <summary>Error-free sum: u + v = s + t exactly.</summary>
    public static (double S, double T) Sum(double u, double v)
    {
        double s = u + v;
        double up = s - v;
        double vpp = s - up;
        up -= u;
        vpp -= v;
        double t = s != 0 ? 0 - (up + vpp) : s;
        return (s, t);
    }

    public static double PolyVal(int n, double[] p, int s, double x)
    {
        double y = n < 0 ? 0 : p[s++];
        while (--n >= 0) y = y * x + p[s++];
        return y;
    }

    public static double AngRound(double x)
    {
        const double z = 1.0 / 16;
        double y = Math.Abs(x);
        y = y < z ? z - (z - y) : y;
        return CopySign(y, x);
    }

    public static double Remainder(double x, double y)
    {
        x %= y;
        return x < -y / 2 ? x + y : (x < y / 2 ? x : x - y);
    }

    public static double AngNormalize(double x)
    {
        double y = Remainder(x, 360);
        return Math.Abs(y) == 180 ? CopySign(180, x) : y;
    }

    public static double LatFix(double x) => Math.Abs(x) > 90 ? double.NaN : x;

    /// <summary>y - x reduced to [-180, 180] accurately, with the rounding error in E.</summary>
    public static (double D, double E) AngDiff(double x, double y)
    {
        var r = Sum(Remainder(-x, 360), Remainder(y, 360));
        r = Sum(Remainder(r.S, 360), r.T);
        double d = r.S, e = r.T;
        if (d == 0 || Math.Abs(d) == 180)
            d = CopySign(d, e == 0 ? y - x : -e);
        return (d, e);
    }

    public static (double S, double C) SinCosD(double x) => SinCosDe(x, 0, withError: false);

    public static (double S, double C) SinCosDe(double x, double t) => SinCosDe(x, t, withError: true);

    private static (double S, double C) SinCosDe(double x, double t, bool withError)
    {
        double d = x % 360;
        double q = JsRound(d / 90);
        d = withError ? AngRound((d - 90 * q) + t) : d - 90 * q;
        double r = d * Degree;
        double s = Math.Sin(r), c = Math.Cos(r);
        if (Math.Abs(d) == 45)
        {
            c = Math.Sqrt(0.5);
            s = CopySign(c, r);
        }
        else if (Math.Abs(d) == 30)
        {
            c = Math.Sqrt(0.75);
            s = CopySign(0.5, r);
        }
        double sinx, cosx;
        switch ((int)q & 3)
        {
            case 0: sinx = s; cosx = c; break;
            case 1: sinx = c; cosx = -s; break;
            case 2: sinx = -s; cosx = -c; break;
            default: sinx = -c; cosx = s; break;
        }
        cosx += 0;
        if (sinx == 0) sinx = CopySign(sinx, withError ? x + t : x);
        return (sinx, cosx);
    }

    public static double Atan2D(double y, double x)
    {
        int q = 0;
        if (Math.Abs(y) > Math.Abs(x))
        {
            (y, x) = (x, y);
            q = 2;
        }
        if (CopySign(1, x) < 0)
        {
            x = -x;
            ++q;
        }
        double ang = Math.Atan2(y, x) / Degree;
        return q switch
        {
            1 => CopySign(180, y) - ang,
            2 => 90 - ang,
            3 => -90 + ang,
            _ => ang,
        };
    }

    // JavaScript's Math.round: ties go toward +infinity.
    private static double JsRound(double v) => double.IsNaN(v) ? v : Math.Floor(v + 0.5);
}

/// <summary>A double-double accumulator (Shewchuk) for summing many areas without round-off drift.</summary>
internal struct GeoAccumulator
{
    private double _s;
    private double _t;

    public readonly double Sum() => _s;

    public void Add(double y)
    {
        var u = GeoMath.Sum(y, _t);
        var v = GeoMath.Sum(u.S, _s);
        _s = v.S;
        _t = v.T;
        if (_s == 0) _s = u.T;
        else _t += u.T;
    }

    public void Negate()
    {
        _s = -_s;
        _t = -_t;
    }

    public void Remainder(double y)
    {
        _s = GeoMath.Remainder(_s, y);
        Add(0);
    }
}
