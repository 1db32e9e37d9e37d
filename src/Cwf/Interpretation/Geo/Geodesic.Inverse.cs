namespace Cwf.Interpretation.Geo;

// The inverse problem (Karney 2013, sections 3-5): Newton's method on the auxiliary sphere.
internal sealed partial class Geodesic
{
    private readonly record struct InverseRaw(double S12, double AreaS12, double Salp1, double Calp1, double Salp2, double Calp2);

    private readonly record struct LengthsResult(double S12b, double M12b, double M0);

    private LengthsResult Lengths(double eps, double sig12, double ssig1, double csig1, double dn1,
        double ssig2, double csig2, double dn2, int outmask, double[] c1a, double[] c2a)
    {
        outmask &= OutMask;
        double m0x = 0, j12 = 0, a1 = 0, a2 = 0;
        double s12b = double.NaN, m12b = double.NaN, m0 = double.NaN;
        if ((outmask & (Distance | ReducedLength)) != 0)
        {
            a1 = A1m1f(eps);
            C1f(eps, c1a);
            if ((outmask & ReducedLength) != 0)
            {
                a2 = A2m1f(eps);
                C2f(eps, c2a);
                m0x = a1 - a2;
                a2 = 1 + a2;
            }
            a1 = 1 + a1;
        }
        if ((outmask & Distance) != 0)
        {
            double b1 = SinCosSeries(true, ssig2, csig2, c1a) - SinCosSeries(true, ssig1, csig1, c1a);
            s12b = a1 * (sig12 + b1);
            if ((outmask & ReducedLength) != 0)
            {
                double b2 = SinCosSeries(true, ssig2, csig2, c2a) - SinCosSeries(true, ssig1, csig1, c2a);
                j12 = m0x * sig12 + (a1 * b1 - a2 * b2);
            }
        }
        else if ((outmask & ReducedLength) != 0)
        {
            for (int l = 1; l <= NC2; ++l) c2a[l] = a1 * c1a[l] - a2 * c2a[l];
            j12 = m0x * sig12 + (SinCosSeries(true, ssig2, csig2, c2a) - SinCosSeries(true, ssig1, csig1, c2a));
        }
        if ((outmask & ReducedLength) != 0)
        {
            m0 = m0x;
            m12b = dn2 * (csig1 * ssig2) - dn1 * (ssig1 * csig2) - csig1 * csig2 * j12;
        }
        return new LengthsResult(s12b, m12b, m0);
    }

    private readonly record struct StartResult(double Sig12, double Salp1, double Calp1, double Salp2, double Calp2, double Dnm);

    private StartResult InverseStart(double sbet1, double cbet1, double dn1, double sbet2, double cbet2, double dn2,
        double lam12, double slam12, double clam12, double[] c1a, double[] c2a)
    {
        double sig12 = -1, salp1, calp1, salp2 = double.NaN, calp2 = double.NaN, dnm = double.NaN;
        double sbet12 = sbet2 * cbet1 - cbet2 * sbet1;
        double cbet12 = cbet2 * cbet1 + sbet2 * sbet1;
        double sbet12a = sbet2 * cbet1;
        sbet12a += cbet2 * sbet1;

        bool shortline = cbet12 >= 0 && sbet12 < 0.5 && cbet2 * lam12 < 0.5;
        double somg12, comg12;
        if (shortline)
        {
            double sbetm2 = GeoMath.Sq(sbet1 + sbet2);
            sbetm2 /= sbetm2 + GeoMath.Sq(cbet1 + cbet2);
            dnm = Math.Sqrt(1 + Ep2 * sbetm2);
            double omg12 = lam12 / (F1 * dnm);
            somg12 = Math.Sin(omg12);
            comg12 = Math.Cos(omg12);
        }
        else
        {
            somg12 = slam12;
            comg12 = clam12;
        }

        salp1 = cbet2 * somg12;
        calp1 = comg12 >= 0
            ? sbet12 + cbet2 * sbet1 * GeoMath.Sq(somg12) / (1 + comg12)
            : sbet12a - cbet2 * sbet1 * GeoMath.Sq(somg12) / (1 - comg12);

        double ssig12 = GeoMath.Hypot(salp1, calp1);
        double csig12 = sbet1 * sbet2 + cbet1 * cbet2 * comg12;
        if (shortline && ssig12 < Etol2)
        {
            salp2 = cbet1 * somg12;
            calp2 = sbet12 - cbet1 * sbet2 * (comg12 >= 0 ? GeoMath.Sq(somg12) / (1 + comg12) : 1 - comg12);
            double t = GeoMath.Hypot(salp2, calp2);
            salp2 /= t;
            calp2 /= t;
            sig12 = Math.Atan2(ssig12, csig12);
        }
        else if (Math.Abs(N) > 0.1 || csig12 >= 0 || ssig12 >= 6 * Math.Abs(N) * Math.PI * GeoMath.Sq(cbet1))
        {
            // The zeroth order spherical approximation is good enough.
        }
        else
        {
            double x, y, lamscale, betscale;
            double lam12x = Math.Atan2(-slam12, -clam12);
            if (F >= 0)
            {
                double k2 = GeoMath.Sq(sbet1) * Ep2;
                double eps = k2 / (2 * (1 + Math.Sqrt(1 + k2)) + k2);
                lamscale = F * cbet1 * A3f(eps) * Math.PI;
                betscale = lamscale * cbet1;
                x = lam12x / lamscale;
                y = sbet12a / betscale;
            }
            else
            {
                double cbet12a = cbet2 * cbet1 - sbet2 * sbet1;
                double bet12a = Math.Atan2(sbet12a, cbet12a);
                var nvals = Lengths(N, Math.PI + bet12a, sbet1, -cbet1, dn1, sbet2, cbet2, dn2, ReducedLength, c1a, c2a);
                x = -1 + nvals.M12b / (cbet1 * cbet2 * nvals.M0 * Math.PI);
                betscale = x < -0.01 ? sbet12a / x : -F * GeoMath.Sq(cbet1) * Math.PI;
                lamscale = betscale / cbet1;
                y = lam12 / lamscale;
            }

            if (y > -Tol1 && x > -1 - XThresh)
            {
                if (F >= 0)
                {
                    salp1 = Math.Min(1, -x);
                    calp1 = -Math.Sqrt(1 - GeoMath.Sq(salp1));
                }
                else
                {
                    calp1 = Math.Max(x > -Tol1 ? 0 : -1, x);
                    salp1 = Math.Sqrt(1 - GeoMath.Sq(calp1));
                }
            }
            else
            {
                double k = Astroid(x, y);
                double omg12a = lamscale * (F >= 0 ? -x * k / (1 + k) : -y * (1 + k) / k);
                somg12 = Math.Sin(omg12a);
                comg12 = -Math.Cos(omg12a);
                salp1 = cbet2 * somg12;
                calp1 = sbet12a - cbet2 * sbet1 * GeoMath.Sq(somg12) / (1 - comg12);
            }
        }
        if (!(salp1 <= 0))
        {
            double t = GeoMath.Hypot(salp1, calp1);
            salp1 /= t;
            calp1 /= t;
        }
        else
        {
            salp1 = 1;
            calp1 = 0;
        }
        return new StartResult(sig12, salp1, calp1, salp2, calp2, dnm);
    }

    private readonly record struct LambdaResult(double Lam12, double Salp2, double Calp2, double Sig12,
        double Ssig1, double Csig1, double Ssig2, double Csig2, double Eps, double Domg12, double Dlam12);

    private LambdaResult Lambda12(double sbet1, double cbet1, double dn1, double sbet2, double cbet2, double dn2,
        double salp1, double calp1, double slam120, double clam120, bool diffp, double[] c1a, double[] c2a, double[] c3a)
    {
        if (sbet1 == 0 && calp1 == 0) calp1 = -Tiny;

        double salp0 = salp1 * cbet1;
        double calp0 = GeoMath.Hypot(calp1, salp1 * sbet1);

        double ssig1 = sbet1, somg1 = salp0 * sbet1;
        double csig1 = calp1 * cbet1, comg1 = calp1 * cbet1;
        double t = GeoMath.Hypot(ssig1, csig1);
        ssig1 /= t;
        csig1 /= t;

        double salp2 = cbet2 != cbet1 ? salp0 / cbet2 : salp1;
        double calp2 = cbet2 != cbet1 || Math.Abs(sbet2) != -sbet1
            ? Math.Sqrt(GeoMath.Sq(calp1 * cbet1) + (cbet1 < -sbet1 ? (cbet2 - cbet1) * (cbet1 + cbet2) : (sbet1 - sbet2) * (sbet1 + sbet2))) / cbet2
            : Math.Abs(calp1);
        double ssig2 = sbet2, somg2 = salp0 * sbet2;
        double csig2 = calp2 * cbet2, comg2 = calp2 * cbet2;
        t = GeoMath.Hypot(ssig2, csig2);
        ssig2 /= t;
        csig2 /= t;

        double sig12 = Math.Atan2(Math.Max(0, csig1 * ssig2 - ssig1 * csig2), csig1 * csig2 + ssig1 * ssig2);
        double somg12 = Math.Max(0, comg1 * somg2 - somg1 * comg2);
        double comg12 = comg1 * comg2 + somg1 * somg2;
        double eta = Math.Atan2(somg12 * clam120 - comg12 * slam120, comg12 * clam120 + somg12 * slam120);
        double k2 = GeoMath.Sq(calp0) * Ep2;
        double eps = k2 / (2 * (1 + Math.Sqrt(1 + k2)) + k2);
        C3f(eps, c3a);
        double b312 = SinCosSeries(true, ssig2, csig2, c3a) - SinCosSeries(true, ssig1, csig1, c3a);
        double domg12 = -F * A3f(eps) * salp0 * (sig12 + b312);
        double lam12 = eta + domg12;
        double dlam12 = double.NaN;
        if (diffp)
        {
            if (calp2 == 0)
            {
                dlam12 = -2 * F1 * dn1 / sbet1;
            }
            else
            {
                var nvals = Lengths(eps, sig12, ssig1, csig1, dn1, ssig2, csig2, dn2, ReducedLength, c1a, c2a);
                dlam12 = nvals.M12b * F1 / (calp2 * cbet2);
            }
        }
        return new LambdaResult(lam12, salp2, calp2, sig12, ssig1, csig1, ssig2, csig2, eps, domg12, dlam12);
    }

    private InverseRaw InverseInt(double lat1, double lon1, double lat2, double lon2, int outmask)
    {
        double areaS12 = double.NaN;
        lat1 = GeoMath.LatFix(lat1);
        lat2 = GeoMath.LatFix(lat2);
        lat1 = GeoMath.AngRound(lat1);
        lat2 = GeoMath.AngRound(lat2);
        var diff = GeoMath.AngDiff(lon1, lon2);
        double lon12 = diff.D, lon12s = diff.E;
        double lonsign = GeoMath.CopySign(1, lon12);
        lon12 *= lonsign;
        lon12s *= lonsign;
        double lam12 = lon12 * GeoMath.Degree;
        var sc = GeoMath.SinCosDe(lon12, lon12s);
        double slam12 = sc.S, clam12 = sc.C;
        lon12s = (180 - lon12) - lon12s;

        double swapp = Math.Abs(lat1) < Math.Abs(lat2) || double.IsNaN(lat2) ? -1 : 1;
        if (swapp < 0)
        {
            lonsign *= -1;
            (lat2, lat1) = (lat1, lat2);
        }
        double latsign = GeoMath.CopySign(1, -lat1);
        lat1 *= latsign;
        lat2 *= latsign;

        sc = GeoMath.SinCosD(lat1);
        double sbet1 = F1 * sc.S, cbet1 = sc.C;
        double t = GeoMath.Hypot(sbet1, cbet1);
        sbet1 /= t;
        cbet1 /= t;
        cbet1 = Math.Max(Tiny, cbet1);

        sc = GeoMath.SinCosD(lat2);
        double sbet2 = F1 * sc.S, cbet2 = sc.C;
        t = GeoMath.Hypot(sbet2, cbet2);
        sbet2 /= t;
        cbet2 /= t;
        cbet2 = Math.Max(Tiny, cbet2);

        if (cbet1 < -sbet1)
        {
            if (cbet2 == cbet1) sbet2 = GeoMath.CopySign(sbet1, sbet2);
        }
        else if (Math.Abs(sbet2) == -sbet1)
        {
            cbet2 = cbet1;
        }

        double dn1 = Math.Sqrt(1 + Ep2 * GeoMath.Sq(sbet1));
        double dn2 = Math.Sqrt(1 + Ep2 * GeoMath.Sq(sbet2));

        double[] c1a = NewC1(), c2a = NewC2(), c3a = NewC3();
        double sig12, calp1, salp1, calp2 = 0, salp2 = 0, s12x = 0, m12x = 0, omg12 = 0;
        double ssig1, csig1, ssig2, csig2;
        double somg12 = 2, comg12 = 0;

        bool meridian = lat1 == -90 || slam12 == 0;
        if (meridian)
        {
            calp1 = clam12;
            salp1 = slam12;
            calp2 = 1;
            salp2 = 0;
            ssig1 = sbet1;
            csig1 = calp1 * cbet1;
            ssig2 = sbet2;
            csig2 = calp2 * cbet2;
            sig12 = Math.Atan2(Math.Max(0, csig1 * ssig2 - ssig1 * csig2), csig1 * csig2 + ssig1 * ssig2);
            var nvals = Lengths(N, sig12, ssig1, csig1, dn1, ssig2, csig2, dn2, outmask | Distance | ReducedLength, c1a, c2a);
            s12x = nvals.S12b;
            m12x = nvals.M12b;
            if (sig12 < Tol2 || m12x >= 0)
            {
                if (sig12 < 3 * Tiny || (sig12 < Tol0 && (s12x < 0 || m12x < 0)))
                    sig12 = m12x = s12x = 0;
                m12x *= B;
                s12x *= B;
            }
            else
            {
                meridian = false;
            }
        }
        else
        {
            sig12 = double.NaN;
            salp1 = calp1 = double.NaN;
        }

        if (!meridian && sbet1 == 0 && (F <= 0 || lon12s >= F * 180))
        {
            calp1 = calp2 = 0;
            salp1 = salp2 = 1;
            s12x = A * lam12;
            sig12 = omg12 = lam12 / F1;
            m12x = B * Math.Sin(sig12);
        }
        else if (!meridian)
        {
            var start = InverseStart(sbet1, cbet1, dn1, sbet2, cbet2, dn2, lam12, slam12, clam12, c1a, c2a);
            sig12 = start.Sig12;
            salp1 = start.Salp1;
            calp1 = start.Calp1;

            if (sig12 >= 0)
            {
                salp2 = start.Salp2;
                calp2 = start.Calp2;
                double dnm = start.Dnm;
                s12x = sig12 * B * dnm;
                m12x = GeoMath.Sq(dnm) * B * Math.Sin(sig12 / dnm);
                omg12 = lam12 / (F1 * dnm);
            }
            else
            {
                int numit = 0;
                double salp1a = Tiny, calp1a = 1, salp1b = Tiny, calp1b = -1;
                double eps = 0, domg12 = 0;
                ssig1 = csig1 = ssig2 = csig2 = 0;
                for (bool tripn = false, tripb = false; ; ++numit)
                {
                    var nvals = Lambda12(sbet1, cbet1, dn1, sbet2, cbet2, dn2, salp1, calp1, slam12, clam12, numit < MaxIt1, c1a, c2a, c3a);
                    double v = nvals.Lam12;
                    salp2 = nvals.Salp2;
                    calp2 = nvals.Calp2;
                    sig12 = nvals.Sig12;
                    ssig1 = nvals.Ssig1;
                    csig1 = nvals.Csig1;
                    ssig2 = nvals.Ssig2;
                    csig2 = nvals.Csig2;
                    eps = nvals.Eps;
                    domg12 = nvals.Domg12;
                    double dv = nvals.Dlam12;

                    if (tripb || !(Math.Abs(v) >= (tripn ? 8 : 1) * Tol0) || numit == MaxIt2) break;
                    if (v > 0 && (numit < MaxIt1 || calp1 / salp1 > calp1b / salp1b))
                    {
                        salp1b = salp1;
                        calp1b = calp1;
                    }
                    else if (v < 0 && (numit < MaxIt1 || calp1 / salp1 < calp1a / salp1a))
                    {
                        salp1a = salp1;
                        calp1a = calp1;
                    }
                    if (numit < MaxIt1 && dv > 0)
                    {
                        double dalp1 = -v / dv;
                        if (Math.Abs(dalp1) < Math.PI)
                        {
                            double sdalp1 = Math.Sin(dalp1), cdalp1 = Math.Cos(dalp1);
                            double nsalp1 = salp1 * cdalp1 + calp1 * sdalp1;
                            if (nsalp1 > 0)
                            {
                                calp1 = calp1 * cdalp1 - salp1 * sdalp1;
                                salp1 = nsalp1;
                                t = GeoMath.Hypot(salp1, calp1);
                                salp1 /= t;
                                calp1 /= t;
                                tripn = Math.Abs(v) <= 16 * Tol0;
                                continue;
                            }
                        }
                    }
                    salp1 = (salp1a + salp1b) / 2;
                    calp1 = (calp1a + calp1b) / 2;
                    t = GeoMath.Hypot(salp1, calp1);
                    salp1 /= t;
                    calp1 /= t;
                    tripn = false;
                    tripb = Math.Abs(salp1a - salp1) + (calp1a - calp1) < TolB || Math.Abs(salp1 - salp1b) + (calp1 - calp1b) < TolB;
                }
                int lengthmask = outmask | ((outmask & ReducedLength) != 0 ? Distance : None);
                var lengths = Lengths(eps, sig12, ssig1, csig1, dn1, ssig2, csig2, dn2, lengthmask, c1a, c2a);
                s12x = lengths.S12b * B;
                m12x = lengths.M12b * B;
                if ((outmask & Area) != 0)
                {
                    double sdomg12 = Math.Sin(domg12), cdomg12 = Math.Cos(domg12);
                    somg12 = slam12 * cdomg12 - clam12 * sdomg12;
                    comg12 = clam12 * cdomg12 + slam12 * sdomg12;
                }
            }
        }

        double s12 = 0 + s12x;

        if ((outmask & Area) != 0)
        {
            double salp0 = salp1 * cbet1;
            double calp0 = GeoMath.Hypot(calp1, salp1 * sbet1);
            if (calp0 != 0 && salp0 != 0)
            {
                ssig1 = sbet1;
                csig1 = calp1 * cbet1;
                ssig2 = sbet2;
                csig2 = calp2 * cbet2;
                double k2 = GeoMath.Sq(calp0) * Ep2;
                double eps = k2 / (2 * (1 + Math.Sqrt(1 + k2)) + k2);
                double a4 = GeoMath.Sq(A) * calp0 * salp0 * E2;
                t = GeoMath.Hypot(ssig1, csig1);
                ssig1 /= t;
                csig1 /= t;
                t = GeoMath.Hypot(ssig2, csig2);
                ssig2 /= t;
                csig2 /= t;
                var c4a = NewC4();
                C4f(eps, c4a);
                double b41 = SinCosSeries(false, ssig1, csig1, c4a);
                double b42 = SinCosSeries(false, ssig2, csig2, c4a);
                areaS12 = a4 * (b42 - b41);
            }
            else
            {
                areaS12 = 0;
            }
            if (!meridian && somg12 == 2)
            {
                somg12 = Math.Sin(omg12);
                comg12 = Math.Cos(omg12);
            }
            double alp12;
            if (!meridian && comg12 > -0.7071 && sbet2 - sbet1 < 1.75)
            {
                double domg12 = 1 + comg12, dbet1 = 1 + cbet1, dbet2 = 1 + cbet2;
                alp12 = 2 * Math.Atan2(somg12 * (sbet1 * dbet2 + sbet2 * dbet1), domg12 * (sbet1 * sbet2 + dbet1 * dbet2));
            }
            else
            {
                double salp12 = salp2 * calp1 - calp2 * salp1;
                double calp12 = calp2 * calp1 + salp2 * salp1;
                if (salp12 == 0 && calp12 < 0)
                {
                    salp12 = Tiny * calp1;
                    calp12 = -1;
                }
                alp12 = Math.Atan2(salp12, calp12);
            }
            areaS12 += C2 * alp12;
            areaS12 *= swapp * lonsign * latsign;
            areaS12 += 0;
        }

        if (swapp < 0)
        {
            (salp2, salp1) = (salp1, salp2);
            (calp2, calp1) = (calp1, calp2);
        }
        salp1 *= swapp * lonsign;
        calp1 *= swapp * latsign;
        salp2 *= swapp * lonsign;
        calp2 *= swapp * latsign;
        return new InverseRaw(s12, areaS12, salp1, calp1, salp2, calp2);
    }
}
