namespace Cwf.Interpretation.H3;

/// <summary>A point or direction in 3D, for H3's unit-vector projection (vec3d.c of H3 4.x).</summary>
internal readonly record struct Vec3(double X, double Y, double Z)
{
    public static Vec3 FromGeo(double lat, double lng)
    {
        double r = Math.Cos(lat);
        return new Vec3(Math.Cos(lng) * r, Math.Sin(lng) * r, Math.Sin(lat));
    }

    public (double Lat, double Lng) ToGeo() => (Math.Asin(Z), Math.Atan2(Y, X));

    public static Vec3 LinComb(double a, Vec3 u, double b, Vec3 v) => new(a * u.X + b * v.X, a * u.Y + b * v.Y, a * u.Z + b * v.Z);

    public static double Dot(Vec3 u, Vec3 v) => u.X * v.X + u.Y * v.Y + u.Z * v.Z;

    public static Vec3 Cross(Vec3 u, Vec3 v) => new(u.Y * v.Z - u.Z * v.Y, u.Z * v.X - u.X * v.Z, u.X * v.Y - u.Y * v.X);

    public Vec3 Normalize()
    {
        double norm = Math.Sqrt(X * X + Y * Y + Z * Z);
        double s = norm > 0.0 ? 1.0 / norm : 0.0;
        return new Vec3(X * s, Y * s, Z * s);
    }

    public double SquareDistance(Vec3 other)
    {
        double dx = X - other.X, dy = Y - other.Y, dz = Z - other.Z;
        return dx * dx + dy * dy + dz * dz;
    }

    /// <summary>Local north and east on the tangent plane here (never called at a pole: face centers are not there).</summary>
    public (Vec3 North, Vec3 East) TangentBasis()
    {
        var northPole = new Vec3(0.0, 0.0, 1.0);
        var north = LinComb(1.0, northPole, -Dot(northPole, this), this).Normalize();
        return (north, Cross(north, this));
    }

    /// <summary>The azimuth from p1 to p2, radians clockwise from north.</summary>
    public static double Azimuth(Vec3 p1, Vec3 p2)
    {
        var (north, east) = p1.TangentBasis();
        var projected = LinComb(1.0, p2, -Dot(p2, p1), p1).Normalize();
        return Math.Atan2(Dot(projected, east), Dot(projected, north));
    }
}
