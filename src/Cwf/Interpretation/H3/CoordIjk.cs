namespace Cwf.Interpretation.H3;

/// <summary>
/// IJK hexagon coordinates (three axes 120° apart) and the aperture-7 / aperture-3 grid steps of
/// H3. Ported from Uber's H3 library (Apache 2.0, coordijk.c) so that cell ids match it exactly.
/// </summary>
internal readonly record struct CoordIjk(int I, int J, int K)
{
    private const double Sqrt3Over2 = 0.8660254037844386467637231707529361834714;
    private const double RSin60 = 1.1547005383792515290182975610039149112953;

    /// <summary>The unit vectors of the seven H3 digits (0 = center, 1 = k, 2 = j, 3 = jk, 4 = i, 5 = ik, 6 = ij).</summary>
    public static readonly CoordIjk[] UnitVectors =
        [new(0, 0, 0), new(0, 0, 1), new(0, 1, 0), new(0, 1, 1), new(1, 0, 0), new(1, 0, 1), new(1, 1, 0)];

    public static CoordIjk operator +(CoordIjk a, CoordIjk b) => new(a.I + b.I, a.J + b.J, a.K + b.K);
    public static CoordIjk operator -(CoordIjk a, CoordIjk b) => new(a.I - b.I, a.J - b.J, a.K - b.K);
    public static CoordIjk operator *(CoordIjk a, int factor) => new(a.I * factor, a.J * factor, a.K * factor);

    /// <summary>The same position with the smallest non-negative components.</summary>
    public CoordIjk Normalize()
    {
        int i = I, j = J, k = K;
        if (i < 0)
        {
            j -= i;
            k -= i;
            i = 0;
        }
        if (j < 0)
        {
            i -= j;
            k -= j;
            j = 0;
        }
        if (k < 0)
        {
            i -= k;
            j -= k;
            k = 0;
        }
        int min = Math.Min(i, Math.Min(j, k));
        if (min > 0)
        {
            i -= min;
            j -= min;
            k -= min;
        }
        return new CoordIjk(i, j, k);
    }

    /// <summary>The digit of a unit vector, or 7 (invalid) when this is not one.</summary>
    public int ToDigit()
    {
        var c = Normalize();
        for (int digit = 0; digit < 7; digit++)
            if (c == UnitVectors[digit]) return digit;
        return 7;
    }

    private CoordIjk Combine(CoordIjk iVec, CoordIjk jVec, CoordIjk kVec) => (iVec * I + jVec * J + kVec * K).Normalize();

    /// <summary>Parent in a counter-clockwise aperture 7 grid.</summary>
    public CoordIjk UpAp7()
    {
        int i = I - K, j = J - K;
        return new CoordIjk(RoundAway((3 * i - j) / 7.0), RoundAway((i + 2 * j) / 7.0), 0).Normalize();
    }

    /// <summary>Parent in a clockwise aperture 7 grid.</summary>
    public CoordIjk UpAp7r()
    {
        int i = I - K, j = J - K;
        return new CoordIjk(RoundAway((2 * i + j) / 7.0), RoundAway((3 * j - i) / 7.0), 0).Normalize();
    }

    public CoordIjk DownAp7() => Combine(new(3, 0, 1), new(1, 3, 0), new(0, 1, 3));
    public CoordIjk DownAp7r() => Combine(new(3, 1, 0), new(0, 3, 1), new(1, 0, 3));
    public CoordIjk DownAp3() => Combine(new(2, 0, 1), new(1, 2, 0), new(0, 1, 2));
    public CoordIjk DownAp3r() => Combine(new(2, 1, 0), new(0, 2, 1), new(1, 0, 2));
    public CoordIjk Rotate60Ccw() => Combine(new(1, 1, 0), new(0, 1, 1), new(1, 0, 1));
    public CoordIjk Rotate60Cw() => Combine(new(1, 0, 1), new(1, 1, 0), new(0, 1, 1));

    public CoordIjk Neighbor(int digit) => digit is > 0 and < 7 ? (this + UnitVectors[digit]).Normalize() : this;

    /// <summary>The center of this hex in the face's 2D plane.</summary>
    public (double X, double Y) ToHex2d()
    {
        int i = I - K, j = J - K;
        return (i - 0.5 * j, j * Sqrt3Over2);
    }

    /// <summary>The hex containing a point of the face's 2D plane (quantization from DGGRID, as H3 does it).</summary>
    public static CoordIjk FromHex2d(double x, double y)
    {
        int i, j;
        double a1 = Math.Abs(x), a2 = Math.Abs(y);
        double x2 = a2 * RSin60;
        double x1 = a1 + x2 / 2.0;
        int m1 = (int)x1, m2 = (int)x2;
        double r1 = x1 - m1, r2 = x2 - m2;

        if (r1 < 0.5)
        {
            if (r1 < 1.0 / 3.0)
            {
                i = m1;
                j = r2 < (1.0 + r1) / 2.0 ? m2 : m2 + 1;
            }
            else
            {
                j = r2 < 1.0 - r1 ? m2 : m2 + 1;
                i = (1.0 - r1) <= r2 && r2 < 2.0 * r1 ? m1 + 1 : m1;
            }
        }
        else
        {
            if (r1 < 2.0 / 3.0)
            {
                j = r2 < 1.0 - r1 ? m2 : m2 + 1;
                i = (2.0 * r1 - 1.0) < r2 && r2 < (1.0 - r1) ? m1 : m1 + 1;
            }
            else
            {
                i = m1 + 1;
                j = r2 < r1 / 2.0 ? m2 : m2 + 1;
            }
        }

        if (x < 0.0)
        {
            if (j % 2 == 0)
            {
                long axisi = j / 2;
                long diff = i - axisi;
                i = (int)(i - 2.0 * diff);
            }
            else
            {
                long axisi = (j + 1) / 2;
                long diff = i - axisi;
                i = (int)(i - (2.0 * diff + 1));
            }
        }

        if (y < 0.0)
        {
            i -= (2 * j + 1) / 2;
            j = -j;
        }
        return new CoordIjk(i, j, 0).Normalize();
    }

    public static int RotateDigit60Ccw(int digit) => digit switch
    {
        1 => 5,
        5 => 4,
        4 => 6,
        6 => 2,
        2 => 3,
        3 => 1,
        _ => digit,
    };

    public static int RotateDigit60Cw(int digit) => digit switch
    {
        1 => 3,
        3 => 2,
        2 => 6,
        6 => 4,
        4 => 5,
        5 => 1,
        _ => digit,
    };

    private static int RoundAway(double v) => (int)Math.Round(v, MidpointRounding.AwayFromZero);
}
