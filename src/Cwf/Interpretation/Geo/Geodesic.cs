namespace Cwf.Interpretation.Geo;

/// <summary>
/// Geodesics on an ellipsoid of revolution: the inverse problem (distance, azimuths and the
/// area under the geodesic) and the direct problem. A port of the algorithms of C. F. F. Karney,
/// "Algorithms for geodesics", J. Geodesy 87 (2013), from GeographicLib (MIT/X11 licence) — the
/// same code PostGIS uses for geography, so distances and areas agree to round-off.
/// Only what the interpreter needs is ported (no geodesic scale, no unrolled longitudes).
/// </summary>
internal sealed partial class Geodesic
{
    public static Geodesic Wgs84 => Instances.Wgs84;

    // A nested holder so that the instance is built after this class's coefficient tables.
    private static class Instances
    {
        public static readonly Geodesic Wgs84 = new(6378137, 1 / 298.257223563);
    }

    private const int Order = 6;
    private const int NA1 = Order, NC1 = Order, NC1p = Order, NA2 = Order, NC2 = Order;
    private const int NA3 = Order, NA3x = NA3, NC3 = Order, NC3x = NC3 * (NC3 - 1) / 2, NC4 = Order, NC4x = NC4 * (NC4 + 1) / 2;
    private const int MaxIt1 = 20, MaxIt2 = MaxIt1 + 53 + 10;
    private static readonly double Tol0 = GeoMath.Epsilon;
    private static readonly double Tol1 = 200 * Tol0;
    private static readonly double Tol2 = Math.Sqrt(Tol0);
    private static readonly double TolB = Tol0;
    private static readonly double XThresh = 1000 * Tol2;
    internal static readonly double Tiny = Math.ScaleB(1.0, -511);

    // Output and capability masks, as in GeographicLib.
    internal const int CapC1 = 1 << 0, CapC1p = 1 << 1, CapC2 = 1 << 2, CapC3 = 1 << 3, CapC4 = 1 << 4;
    internal const int None = 0;
    internal const int Latitude = 1 << 7;
    internal const int Longitude = 1 << 8 | CapC3;
    internal const int Azimuth = 1 << 9;
    internal const int Distance = 1 << 10 | CapC1;
    internal const int DistanceIn = 1 << 11 | CapC1 | CapC1p;
    internal const int ReducedLength = 1 << 12 | CapC1 | CapC2;
    internal const int Area = 1 << 14 | CapC4;
    private const int OutAll = 0x7F80;
    internal const int OutMask = OutAll | 1 << 15;

    public Geodesic(double a, double f)
    {
        A = a;
        F = f;
        F1 = 1 - f;
        E2 = f * (2 - f);
        Ep2 = E2 / GeoMath.Sq(F1);
        N = f / (2 - f);
        B = a * F1;
        C2 = (GeoMath.Sq(a) + GeoMath.Sq(B) *
              (E2 == 0 ? 1 : (E2 > 0 ? Math.Atanh(Math.Sqrt(E2)) : Math.Atan(Math.Sqrt(-E2))) / Math.Sqrt(Math.Abs(E2)))) / 2;
        Etol2 = 0.1 * Tol2 / Math.Sqrt(Math.Max(0.001, Math.Abs(f)) * Math.Min(1, 1 - f / 2) / 2);
        A3x = new double[NA3x];
        C3x = new double[NC3x];
        C4x = new double[NC4x];
        A3Coeff();
        C3Coeff();
        C4Coeff();
    }

    /// <summary>Equatorial radius in meters.</summary>
    public double A { get; }
    public double F { get; }
    internal double F1 { get; }
    internal double E2 { get; }
    internal double Ep2 { get; }
    internal double N { get; }
    internal double B { get; }
    /// <summary>Authalic radius squared: the ellipsoid's area is 4 pi C2.</summary>
    internal double C2 { get; }
    private double Etol2 { get; }
    private double[] A3x { get; }
    private double[] C3x { get; }
    private double[] C4x { get; }

    /// <summary>The result of the inverse problem: distance (m), azimuths (degrees), area between the geodesic and the equator (m²).</summary>
    public readonly record struct InverseResult(double S12, double Azi1, double Azi2, double AreaS12);

    public InverseResult Inverse(double lat1, double lon1, double lat2, double lon2, bool withArea = false)
    {
        int outmask = Distance | Azimuth | (withArea ? Area : None);
        var r = InverseInt(lat1, lon1, lat2, lon2, outmask);
        return new InverseResult(r.S12, GeoMath.Atan2D(r.Salp1, r.Calp1), GeoMath.Atan2D(r.Salp2, r.Calp2), r.AreaS12);
    }

    /// <summary>The point at distance <paramref name="s12"/> meters from (lat1, lon1) along azimuth <paramref name="azi1"/> degrees.</summary>
    public (double Lat2, double Lon2) Direct(double lat1, double lon1, double azi1, double s12)
    {
        var line = new GeodesicLine(this, lat1, lon1, azi1, Latitude | Longitude | DistanceIn);
        return line.Position(s12);
    }

    internal static double SinCosSeries(bool sinp, double sinx, double cosx, double[] c)
    {
        int k = c.Length;
        int n = k - (sinp ? 1 : 0);
        double ar = 2 * (cosx - sinx) * (cosx + sinx);
        double y0 = (n & 1) != 0 ? c[--k] : 0, y1 = 0;
        n /= 2;
        while (n-- > 0)
        {
            y1 = ar * y0 - y1 + c[--k];
            y0 = ar * y1 - y0 + c[--k];
        }
        return sinp ? 2 * sinx * cosx * y0 : cosx * (y0 - y1);
    }

    private static double Astroid(double x, double y)
    {
        double k;
        double p = GeoMath.Sq(x), q = GeoMath.Sq(y), r = (p + q - 1) / 6;
        if (!(q == 0 && r <= 0))
        {
            double s = p * q / 4;
            double r2 = GeoMath.Sq(r);
            double r3 = r * r2;
            double disc = s * (s + 2 * r3);
            double u = r;
            if (disc >= 0)
            {
                double t3 = s + r3;
                t3 += t3 < 0 ? -Math.Sqrt(disc) : Math.Sqrt(disc);
                double t = Math.Cbrt(t3);
                u += t + (t != 0 ? r2 / t : 0);
            }
            else
            {
                double ang = Math.Atan2(Math.Sqrt(-disc), -(s + r3));
                u += 2 * r * Math.Cos(ang / 3);
            }
            double v = Math.Sqrt(GeoMath.Sq(u) + q);
            double uv = u < 0 ? q / (v - u) : u + v;
            double w = (uv - q) / (2 * v);
            k = uv / (Math.Sqrt(uv + GeoMath.Sq(w)) + w);
        }
        else
        {
            k = 0;
        }
        return k;
    }

    private static readonly double[] A1m1fCoeff = [1, 4, 64, 0, 256];

    internal static double A1m1f(double eps)
    {
        int p = NA1 / 2;
        double t = GeoMath.PolyVal(p, A1m1fCoeff, 0, GeoMath.Sq(eps)) / A1m1fCoeff[p + 1];
        return (t + eps) / (1 - eps);
    }

    private static readonly double[] C1fCoeff = [-1, 6, -16, 32, -9, 64, -128, 2048, 9, -16, 768, 3, -5, 512, -7, 1280, -7, 2048];

    internal static void C1f(double eps, double[] c) => FourierCoefficients(eps, c, C1fCoeff, NC1);

    private static readonly double[] C1pfCoeff = [205, -432, 768, 1536, 4005, -4736, 3840, 12288, -225, 116, 384, -7173, 2695, 7680, 3467, 7680, 38081, 61440];

    internal static void C1pf(double eps, double[] c) => FourierCoefficients(eps, c, C1pfCoeff, NC1p);

    private static readonly double[] A2m1fCoeff = [-11, -28, -192, 0, 256];

    internal static double A2m1f(double eps)
    {
        int p = NA2 / 2;
        double t = GeoMath.PolyVal(p, A2m1fCoeff, 0, GeoMath.Sq(eps)) / A2m1fCoeff[p + 1];
        return (t - eps) / (1 + eps);
    }

    private static readonly double[] C2fCoeff = [1, 2, 16, 32, 35, 64, 384, 2048, 15, 80, 768, 7, 35, 512, 63, 1280, 77, 2048];

    internal static void C2f(double eps, double[] c) => FourierCoefficients(eps, c, C2fCoeff, NC2);

    private static void FourierCoefficients(double eps, double[] c, double[] coeff, int count)
    {
        double eps2 = GeoMath.Sq(eps), d = eps;
        int o = 0;
        for (int l = 1; l <= count; ++l)
        {
            int p = (count - l) / 2;
            c[l] = d * GeoMath.PolyVal(p, coeff, o, eps2) / coeff[o + p + 1];
            o += p + 2;
            d *= eps;
        }
    }

    private static readonly double[] A3Coefficients = [-3, 128, -2, -3, 64, -1, -3, -1, 16, 3, -1, -2, 8, 1, -1, 2, 1, 1];

    private void A3Coeff()
    {
        int o = 0, k = 0;
        for (int j = NA3 - 1; j >= 0; --j)
        {
            int p = Math.Min(NA3 - j - 1, j);
            A3x[k++] = GeoMath.PolyVal(p, A3Coefficients, o, N) / A3Coefficients[o + p + 1];
            o += p + 2;
        }
    }

    private static readonly double[] C3Coefficients =
    [
        3, 128, 2, 5, 128, -1, 3, 3, 64, -1, 0, 1, 8, -1, 1, 4,
        5, 256, 1, 3, 128, -3, -2, 3, 64, 1, -3, 2, 32,
        7, 512, -10, 9, 384, 5, -9, 5, 192,
        7, 512, -14, 7, 512,
        21, 2560,
    ];

    private void C3Coeff()
    {
        int o = 0, k = 0;
        for (int l = 1; l < NC3; ++l)
        {
            for (int j = NC3 - 1; j >= l; --j)
            {
                int p = Math.Min(NC3 - j - 1, j);
                C3x[k++] = GeoMath.PolyVal(p, C3Coefficients, o, N) / C3Coefficients[o + p + 1];
                o += p + 2;
            }
        }
    }

    private static readonly double[] C4Coefficients =
    [
        97, 15015, 1088, 156, 45045, -224, -4784, 1573, 45045, -10656, 14144, -4576, -858, 45045,
        64, 624, -4576, 6864, -3003, 15015, 100, 208, 572, 3432, -12012, 30030, 45045,
        1, 9009, -2944, 468, 135135, 5792, 1040, -1287, 135135, 5952, -11648, 9152, -2574, 135135,
        -64, -624, 4576, -6864, 3003, 135135,
        8, 10725, 1856, -936, 225225, -8448, 4992, -1144, 225225, -1440, 4160, -4576, 1716, 225225,
        -136, 63063, 1024, -208, 105105, 3584, -3328, 1144, 315315,
        -128, 135135, -2560, 832, 405405,
        128, 99099,
    ];

    private void C4Coeff()
    {
        int o = 0, k = 0;
        for (int l = 0; l < NC4; ++l)
        {
            for (int j = NC4 - 1; j >= l; --j)
            {
                int p = NC4 - j - 1;
                C4x[k++] = GeoMath.PolyVal(p, C4Coefficients, o, N) / C4Coefficients[o + p + 1];
                o += p + 2;
            }
        }
    }

    internal double A3f(double eps) => GeoMath.PolyVal(NA3x - 1, A3x, 0, eps);

    internal void C3f(double eps, double[] c)
    {
        double mult = 1;
        int o = 0;
        for (int l = 1; l < NC3; ++l)
        {
            int p = NC3 - l - 1;
            mult *= eps;
            c[l] = mult * GeoMath.PolyVal(p, C3x, o, eps);
            o += p + 1;
        }
    }

    internal void C4f(double eps, double[] c)
    {
        double mult = 1;
        int o = 0;
        for (int l = 0; l < NC4; ++l)
        {
            int p = NC4 - l - 1;
            c[l] = mult * GeoMath.PolyVal(p, C4x, o, eps);
            o += p + 1;
            mult *= eps;
        }
    }

    internal static double[] NewC1() => new double[NC1 + 1];
    internal static double[] NewC1p() => new double[NC1p + 1];
    internal static double[] NewC2() => new double[NC2 + 1];
    internal static double[] NewC3() => new double[NC3];
    internal static double[] NewC4() => new double[NC4];
}
