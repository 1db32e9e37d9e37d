namespace Cwf.Interpretation.Geo;

/// <summary>A geodesic from a point and an azimuth, for the direct problem (port of GeographicLib's GeodesicLine).</summary>
internal sealed class GeodesicLine
{
    private readonly Geodesic _geod;
    private readonly double _lon1, _f1, _b;
    private readonly double _salp0, _calp0, _ssig1, _csig1, _somg1, _comg1, _k2;
    private readonly double _a1m1, _b11, _stau1, _ctau1, _a3c, _b31;
    private readonly double[] _c1a, _c1pa, _c3a;

    public GeodesicLine(Geodesic geod, double lat1, double lon1, double azi1, int caps)
    {
        _geod = geod;
        _f1 = geod.F1;
        _b = geod.B;
        _lon1 = lon1;
        lat1 = GeoMath.LatFix(lat1);
        azi1 = GeoMath.AngNormalize(azi1);
        var sc = GeoMath.SinCosD(GeoMath.AngRound(azi1));
        double salp1 = sc.S, calp1 = sc.C;
        sc = GeoMath.SinCosD(GeoMath.AngRound(lat1));
        double sbet1 = _f1 * sc.S, cbet1 = sc.C;
        double t = GeoMath.Hypot(sbet1, cbet1);
        sbet1 /= t;
        cbet1 /= t;
        cbet1 = Math.Max(Geodesic.Tiny, cbet1);
        _salp0 = salp1 * cbet1;
        _calp0 = GeoMath.Hypot(calp1, salp1 * sbet1);
        _ssig1 = sbet1;
        _somg1 = _salp0 * sbet1;
        _csig1 = _comg1 = sbet1 != 0 || calp1 != 0 ? cbet1 * calp1 : 1;
        t = GeoMath.Hypot(_ssig1, _csig1);
        _ssig1 /= t;
        _csig1 /= t;
        _k2 = GeoMath.Sq(_calp0) * geod.Ep2;
        double eps = _k2 / (2 * (1 + Math.Sqrt(1 + _k2)) + _k2);

        _c1a = Geodesic.NewC1();
        _c1pa = Geodesic.NewC1p();
        _c3a = Geodesic.NewC3();
        if ((caps & Geodesic.CapC1) != 0)
        {
            _a1m1 = Geodesic.A1m1f(eps);
            Geodesic.C1f(eps, _c1a);
            _b11 = Geodesic.SinCosSeries(true, _ssig1, _csig1, _c1a);
            double s = Math.Sin(_b11), c = Math.Cos(_b11);
            _stau1 = _ssig1 * c + _csig1 * s;
            _ctau1 = _csig1 * c - _ssig1 * s;
        }
        if ((caps & Geodesic.CapC1p) != 0) Geodesic.C1pf(eps, _c1pa);
        if ((caps & Geodesic.CapC3) != 0)
        {
            geod.C3f(eps, _c3a);
            _a3c = -geod.F * _salp0 * geod.A3f(eps);
            _b31 = Geodesic.SinCosSeries(true, _ssig1, _csig1, _c3a);
        }
    }

    /// <summary>Latitude and longitude (degrees, longitude in [-180, 180]) at distance <paramref name="s12"/> meters.</summary>
    public (double Lat2, double Lon2) Position(double s12)
    {
        double tau12 = s12 / (_b * (1 + _a1m1));
        double s = Math.Sin(tau12), c = Math.Cos(tau12);
        double b12 = -Geodesic.SinCosSeries(true, _stau1 * c + _ctau1 * s, _ctau1 * c - _stau1 * s, _c1pa);
        double sig12 = tau12 - (b12 - _b11);
        double ssig12 = Math.Sin(sig12), csig12 = Math.Cos(sig12);
        if (Math.Abs(_geod.F) > 0.01)
        {
            double ssig2a = _ssig1 * csig12 + _csig1 * ssig12;
            double csig2a = _csig1 * csig12 - _ssig1 * ssig12;
            b12 = Geodesic.SinCosSeries(true, ssig2a, csig2a, _c1a);
            double serr = (1 + _a1m1) * (sig12 + (b12 - _b11)) - s12 / _b;
            sig12 -= serr / Math.Sqrt(1 + _k2 * GeoMath.Sq(ssig2a));
            ssig12 = Math.Sin(sig12);
            csig12 = Math.Cos(sig12);
        }
        double ssig2 = _ssig1 * csig12 + _csig1 * ssig12;
        double csig2 = _csig1 * csig12 - _ssig1 * ssig12;
        double sbet2 = _calp0 * ssig2;
        double cbet2 = GeoMath.Hypot(_salp0, _calp0 * csig2);
        if (cbet2 == 0) cbet2 = csig2 = Geodesic.Tiny;
        double somg2 = _salp0 * ssig2, comg2 = csig2;
        double omg12 = Math.Atan2(somg2 * _comg1 - comg2 * _somg1, comg2 * _comg1 + somg2 * _somg1);
        double lam12 = omg12 + _a3c * (sig12 + (Geodesic.SinCosSeries(true, ssig2, csig2, _c3a) - _b31));
        double lon12 = lam12 / GeoMath.Degree;
        double lon2 = GeoMath.AngNormalize(GeoMath.AngNormalize(_lon1) + GeoMath.AngNormalize(lon12));
        double lat2 = GeoMath.Atan2D(sbet2, _f1 * cbet2);
        return (lat2, lon2);
    }
}
