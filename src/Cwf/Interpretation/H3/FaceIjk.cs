namespace Cwf.Interpretation.H3;

/// <summary>
/// A position on one face of H3's icosahedron: the face and IJK coordinates in that face's
/// gnomonic plane. Conversions to and from lat/lng (radians, on the sphere) and the cell
/// boundary walk, ported from Uber's H3 library (Apache 2.0, faceijk.c, latLng.c, vec2d.c).
/// </summary>
internal readonly record struct FaceIjk(int Face, CoordIjk Coord)
{
    private const double Sqrt7 = 2.6457513110645905905016157536392604257102;
    private const double Sqrt3Over2 = 0.8660254037844386467637231707529361834714;
    private const double TwoPi = 6.28318530717958647692528676655900576839433;
    private const double Epsilon = 0.0000000000000001;
    /// <summary>Rotation between Class II and Class III axes: asin(sqrt(3/28)).</summary>
    private const double Ap7RotRads = 0.333473172251832115336090755351601070065900389;
    /// <summary>Resolution 0 hex2d unit length in gnomonic units, and its inverse.</summary>
    private const double Res0UGnomonic = 0.38196601125010500003;
    private const double InvRes0UGnomonic = 2.61803398874989588842;
    private const double RSqrt7 = 0.37796447300922722721451653623418006081576;
    private const double OneThird = 0.333333333333333333333333333333333333333;

    private enum Overage
    {
        None,
        FaceEdge,
        NewFace,
    }

    private const int IJ = 1, KI = 2, JK = 3;

    private static readonly Vec3[] FaceCenterPoint =
    [
        new(0.2199307791404606, 0.6583691780274996, 0.7198475378926182),
        new(-0.2139234834501421, 0.1478171829550703, 0.9656017935214205),
        new(0.1092625278784797, -0.4811951572873210, 0.8697775121287253),
        new(0.7428567301586791, -0.3593941678278028, 0.5648005936517033),
        new(0.8112534709140969, 0.3448953237639384, 0.4721387736413930),
        new(-0.1055498149613921, 0.9794457296411413, 0.1718874610009365),
        new(-0.8075407579970092, 0.1533552485898818, 0.5695261994882688),
        new(-0.2846148069787907, -0.8644080972654206, 0.4144792552473539),
        new(0.7405621473854482, -0.6673299564565524, -0.0789837646326737),
        new(0.8512303986474293, 0.4722343788582681, -0.2289137388687808),
        new(-0.7405621473854481, 0.6673299564565524, 0.0789837646326737),
        new(-0.8512303986474292, -0.4722343788582682, 0.2289137388687808),
        new(0.1055498149613919, -0.9794457296411413, -0.1718874610009365),
        new(0.8075407579970092, -0.1533552485898819, -0.5695261994882688),
        new(0.2846148069787908, 0.8644080972654204, -0.4144792552473539),
        new(-0.7428567301586791, 0.3593941678278027, -0.5648005936517033),
        new(-0.8112534709140971, -0.3448953237639382, -0.4721387736413930),
        new(-0.2199307791404607, -0.6583691780274996, -0.7198475378926182),
        new(0.2139234834501420, -0.1478171829550704, -0.9656017935214205),
        new(-0.1092625278784796, 0.4811951572873210, -0.8697775121287253),
    ];

    /// <summary>Azimuth from each face center to its vertex 0 (the Class II i-axis).</summary>
    private static readonly double[] FaceAxisAzimuth0 =
    [
        5.619958268523939882, 5.760339081714187279, 0.780213654393430055, 0.430469363979999913,
        6.130269123335111400, 2.692877706530642877, 2.982963003477243874, 3.532912002790141181,
        3.494305004259568154, 3.003214169499538391, 5.930472956509811562, 0.138378484090254847,
        0.448714947059150361, 0.158629650112549365, 5.891865957979238535, 2.711123289609793325,
        3.294508837434268316, 3.804819692245439833, 3.664438879055192436, 2.361378999196363184,
    ];

    /// <summary>[face][quadrant: 0 central, 1 ij, 2 ki, 3 jk] → neighbouring face, translation and ccw rotations.</summary>
    private static readonly (int Face, CoordIjk Translate, int CcwRot60)[][] FaceNeighbors =
    [
        [(0, new(0, 0, 0), 0), (4, new(2, 0, 2), 1), (1, new(2, 2, 0), 5), (5, new(0, 2, 2), 3)],
        [(1, new(0, 0, 0), 0), (0, new(2, 0, 2), 1), (2, new(2, 2, 0), 5), (6, new(0, 2, 2), 3)],
        [(2, new(0, 0, 0), 0), (1, new(2, 0, 2), 1), (3, new(2, 2, 0), 5), (7, new(0, 2, 2), 3)],
        [(3, new(0, 0, 0), 0), (2, new(2, 0, 2), 1), (4, new(2, 2, 0), 5), (8, new(0, 2, 2), 3)],
        [(4, new(0, 0, 0), 0), (3, new(2, 0, 2), 1), (0, new(2, 2, 0), 5), (9, new(0, 2, 2), 3)],
        [(5, new(0, 0, 0), 0), (10, new(2, 2, 0), 3), (14, new(2, 0, 2), 3), (0, new(0, 2, 2), 3)],
        [(6, new(0, 0, 0), 0), (11, new(2, 2, 0), 3), (10, new(2, 0, 2), 3), (1, new(0, 2, 2), 3)],
        [(7, new(0, 0, 0), 0), (12, new(2, 2, 0), 3), (11, new(2, 0, 2), 3), (2, new(0, 2, 2), 3)],
        [(8, new(0, 0, 0), 0), (13, new(2, 2, 0), 3), (12, new(2, 0, 2), 3), (3, new(0, 2, 2), 3)],
        [(9, new(0, 0, 0), 0), (14, new(2, 2, 0), 3), (13, new(2, 0, 2), 3), (4, new(0, 2, 2), 3)],
        [(10, new(0, 0, 0), 0), (5, new(2, 2, 0), 3), (6, new(2, 0, 2), 3), (15, new(0, 2, 2), 3)],
        [(11, new(0, 0, 0), 0), (6, new(2, 2, 0), 3), (7, new(2, 0, 2), 3), (16, new(0, 2, 2), 3)],
        [(12, new(0, 0, 0), 0), (7, new(2, 2, 0), 3), (8, new(2, 0, 2), 3), (17, new(0, 2, 2), 3)],
        [(13, new(0, 0, 0), 0), (8, new(2, 2, 0), 3), (9, new(2, 0, 2), 3), (18, new(0, 2, 2), 3)],
        [(14, new(0, 0, 0), 0), (9, new(2, 2, 0), 3), (5, new(2, 0, 2), 3), (19, new(0, 2, 2), 3)],
        [(15, new(0, 0, 0), 0), (16, new(2, 0, 2), 1), (19, new(2, 2, 0), 5), (10, new(0, 2, 2), 3)],
        [(16, new(0, 0, 0), 0), (17, new(2, 0, 2), 1), (15, new(2, 2, 0), 5), (11, new(0, 2, 2), 3)],
        [(17, new(0, 0, 0), 0), (18, new(2, 0, 2), 1), (16, new(2, 2, 0), 5), (12, new(0, 2, 2), 3)],
        [(18, new(0, 0, 0), 0), (19, new(2, 0, 2), 1), (17, new(2, 2, 0), 5), (13, new(0, 2, 2), 3)],
        [(19, new(0, 0, 0), 0), (15, new(2, 0, 2), 1), (18, new(2, 2, 0), 5), (14, new(0, 2, 2), 3)],
    ];

    /// <summary>Direction from one face to an adjacent one in the first face's system (IJ, KI, JK), 0 for itself, -1 when not adjacent.</summary>
    private static int AdjacentFaceDir(int from, int to)
    {
        if (from == to) return 0;
        var neighbors = FaceNeighbors[from];
        for (int q = 1; q <= 3; q++)
            if (neighbors[q].Face == to) return q;
        return -1;
    }

    private static readonly int[] MaxDimByCIIres = [2, -1, 14, -1, 98, -1, 686, -1, 4802, -1, 33614, -1, 235298, -1, 1647086, -1, 11529602];
    private static readonly int[] UnitScaleByCIIres = [1, -1, 7, -1, 49, -1, 343, -1, 2401, -1, 16807, -1, 117649, -1, 823543, -1, 5764801];

    public static bool IsClassIII(int res) => res % 2 == 1;

    private static double PosAngle(double rads)
    {
        double tmp = rads < 0.0 ? rads + TwoPi : rads;
        if (rads >= TwoPi) tmp -= TwoPi;
        return tmp;
    }

    /// <summary>The cell of a point (radians) at a resolution, on the face nearest to it.</summary>
    public static FaceIjk FromGeo(double lat, double lng, int res)
    {
        var (face, x, y) = Vec3ToHex2d(Vec3.FromGeo(lat, lng), res);
        return new FaceIjk(face, CoordIjk.FromHex2d(x, y));
    }

    // H3 4.x projects through unit vectors rather than spherical trigonometry (exact near the poles).
    private static (int Face, double X, double Y) Vec3ToHex2d(Vec3 p, int res)
    {
        int face = 0;
        double sqd = 5.0;
        for (int f = 0; f < FaceCenterPoint.Length; f++)
        {
            double d = FaceCenterPoint[f].SquareDistance(p);
            if (d < sqd)
            {
                face = f;
                sqd = d;
            }
        }

        double r = Math.Acos(1 - sqd * 0.5);
        if (r < Epsilon) return (face, 0, 0);

        double theta = PosAngle(FaceAxisAzimuth0[face] - PosAngle(Vec3.Azimuth(FaceCenterPoint[face], p)));
        if (IsClassIII(res)) theta = PosAngle(theta - Ap7RotRads);

        r = Math.Tan(r);
        r *= InvRes0UGnomonic;
        for (int i = 0; i < res; i++) r *= Sqrt7;
        return (face, r * Math.Cos(theta), r * Math.Sin(theta));
    }

    private static (double Lat, double Lng) Hex2dToGeo(double x, double y, int face, int res, bool substrate)
    {
        double r = Math.Sqrt(x * x + y * y);
        if (r < Epsilon) return FaceCenterPoint[face].ToGeo();

        double theta = Math.Atan2(y, x);
        for (int i = 0; i < res; i++) r *= RSqrt7;
        if (substrate)
        {
            r *= OneThird;
            if (IsClassIII(res)) r *= RSqrt7;
        }
        r *= Res0UGnomonic;
        r = Math.Atan(r);
        if (!substrate && IsClassIII(res)) theta = PosAngle(theta + Ap7RotRads);
        theta = PosAngle(FaceAxisAzimuth0[face] - theta);

        var center = FaceCenterPoint[face];
        var (north, east) = center.TangentBasis();
        var direction = Vec3.LinComb(Math.Cos(theta), north, Math.Sin(theta), east);
        return Vec3.LinComb(Math.Cos(r), center, Math.Sin(r), direction).Normalize().ToGeo();
    }

    /// <summary>Moves a Class II position that lies beyond this face onto the face it is really on.</summary>
    private Overage AdjustOverageClassII(int res, bool pentLeading4, bool substrate, out FaceIjk adjusted)
    {
        var overage = Overage.None;
        var ijk = Coord;
        int face = Face;
        int maxDim = MaxDimByCIIres[res];
        if (substrate) maxDim *= 3;

        int sum = ijk.I + ijk.J + ijk.K;
        if (substrate && sum == maxDim)
        {
            overage = Overage.FaceEdge;
        }
        else if (sum > maxDim)
        {
            overage = Overage.NewFace;
            (int Face, CoordIjk Translate, int CcwRot60) orient;
            if (ijk.K > 0)
            {
                if (ijk.J > 0)
                {
                    orient = FaceNeighbors[face][JK];
                }
                else
                {
                    orient = FaceNeighbors[face][KI];
                    if (pentLeading4)
                    {
                        var origin = new CoordIjk(maxDim, 0, 0);
                        ijk = (ijk - origin).Rotate60Cw() + origin;
                    }
                }
            }
            else
            {
                orient = FaceNeighbors[face][IJ];
            }

            face = orient.Face;
            for (int i = 0; i < orient.CcwRot60; i++) ijk = ijk.Rotate60Ccw();
            int unitScale = UnitScaleByCIIres[res];
            if (substrate) unitScale *= 3;
            ijk = (ijk + orient.Translate * unitScale).Normalize();
            if (substrate && ijk.I + ijk.J + ijk.K == maxDim) overage = Overage.FaceEdge;
        }
        adjusted = new FaceIjk(face, ijk);
        return overage;
    }

    /// <summary>The cell-center lat/lng (radians) of an H3 index's FaceIJK at a resolution.</summary>
    public (double Lat, double Lng) ToGeo(int res)
    {
        var (x, y) = Coord.ToHex2d();
        return Hex2dToGeo(x, y, Face, res, substrate: false);
    }

    private static readonly CoordIjk[] HexVertsClassII = [new(2, 1, 0), new(1, 2, 0), new(0, 2, 1), new(0, 1, 2), new(1, 0, 2), new(2, 0, 1)];
    private static readonly CoordIjk[] HexVertsClassIII = [new(5, 4, 0), new(1, 5, 0), new(0, 5, 4), new(0, 1, 5), new(4, 0, 5), new(5, 0, 1)];

    /// <summary>The vertices of this cell as substrate-grid positions, and the (possibly bumped) resolution of that grid.</summary>
    private (FaceIjk[] Verts, int AdjRes, FaceIjk Center) SubstrateVertices(int res, int count)
    {
        var verts = IsClassIII(res) ? HexVertsClassIII : HexVertsClassII;
        var center = Coord.DownAp3().DownAp3r();
        int adjRes = res;
        if (IsClassIII(res))
        {
            center = center.DownAp7r();
            adjRes++;
        }
        var result = new FaceIjk[count];
        for (int v = 0; v < count; v++) result[v] = new FaceIjk(Face, (center + verts[v]).Normalize());
        return (result, adjRes, new FaceIjk(Face, center));
    }

    /// <summary>The boundary of a hexagonal cell, lat/lng radians, with extra vertices where an edge crosses an icosahedron edge.</summary>
    public List<(double Lat, double Lng)> HexagonBoundary(int res)
    {
        const int numVerts = 6;
        var (fijkVerts, adjRes, _) = SubstrateVertices(res, numVerts);
        var boundary = new List<(double Lat, double Lng)>(10);
        int lastFace = -1;
        var lastOverage = Overage.None;
        for (int vert = 0; vert < numVerts + 1; vert++)
        {
            int v = vert % numVerts;
            var overage = fijkVerts[v].AdjustOverageClassII(adjRes, pentLeading4: false, substrate: true, out var fijk);

            if (IsClassIII(res) && vert > 0 && fijk.Face != lastFace && lastOverage != Overage.FaceEdge)
            {
                int lastV = (v + 5) % numVerts;
                var orig0 = fijkVerts[lastV].Coord.ToHex2d();
                var orig1 = fijkVerts[v].Coord.ToHex2d();
                int maxDim = MaxDimByCIIres[adjRes];
                var v0 = (3.0 * maxDim, 0.0);
                var v1 = (-1.5 * maxDim, 3.0 * Sqrt3Over2 * maxDim);
                var v2 = (-1.5 * maxDim, -3.0 * Sqrt3Over2 * maxDim);
                int face2 = lastFace == Face ? fijk.Face : lastFace;
                var (edge0, edge1) = AdjacentFaceDir(Face, face2) switch
                {
                    IJ => (v0, v1),
                    JK => (v1, v2),
                    _ => (v2, v0),
                };
                var inter = Intersect(orig0, orig1, edge0, edge1);
                bool atVertex = AlmostEqual(inter, orig0) || AlmostEqual(inter, orig1);
                if (!atVertex) boundary.Add(Hex2dToGeo(inter.X, inter.Y, Face, adjRes, substrate: true));
            }

            if (vert < numVerts)
            {
                var (x, y) = fijk.Coord.ToHex2d();
                boundary.Add(Hex2dToGeo(x, y, fijk.Face, adjRes, substrate: true));
            }
            lastFace = fijk.Face;
            lastOverage = overage;
        }
        return boundary;
    }

    /// <summary>The boundary of a pentagonal cell, lat/lng radians.</summary>
    public List<(double Lat, double Lng)> PentagonBoundary(int res)
    {
        const int numVerts = 5;
        var (fijkVerts, adjRes, _) = SubstrateVertices(res, numVerts);
        var boundary = new List<(double Lat, double Lng)>(10);
        FaceIjk lastFijk = default;
        for (int vert = 0; vert < numVerts + 1; vert++)
        {
            int v = vert % numVerts;
            // A pentagon vertex may need several hops to reach its face.
            var fijk = fijkVerts[v];
            Overage overage;
            do
            {
                overage = fijk.AdjustOverageClassII(adjRes, pentLeading4: false, substrate: true, out var next);
                fijk = next;
            }
            while (overage == Overage.NewFace);

            if (IsClassIII(res) && vert > 0)
            {
                var orig0 = lastFijk.Coord.ToHex2d();
                int currentToLastDir = AdjacentFaceDir(fijk.Face, lastFijk.Face);
                var orient = FaceNeighbors[fijk.Face][currentToLastDir];
                var ijk = fijk.Coord;
                for (int i = 0; i < orient.CcwRot60; i++) ijk = ijk.Rotate60Ccw();
                ijk = (ijk + orient.Translate * (UnitScaleByCIIres[adjRes] * 3)).Normalize();
                var orig1 = ijk.ToHex2d();
                int maxDim = MaxDimByCIIres[adjRes];
                var v0 = (3.0 * maxDim, 0.0);
                var v1 = (-1.5 * maxDim, 3.0 * Sqrt3Over2 * maxDim);
                var v2 = (-1.5 * maxDim, -3.0 * Sqrt3Over2 * maxDim);
                var (edge0, edge1) = AdjacentFaceDir(orient.Face, fijk.Face) switch
                {
                    IJ => (v0, v1),
                    JK => (v1, v2),
                    _ => (v2, v0),
                };
                var inter = Intersect(orig0, orig1, edge0, edge1);
                boundary.Add(Hex2dToGeo(inter.X, inter.Y, orient.Face, adjRes, substrate: true));
            }

            if (vert < numVerts)
            {
                var (x, y) = fijk.Coord.ToHex2d();
                boundary.Add(Hex2dToGeo(x, y, fijk.Face, adjRes, substrate: true));
            }
            lastFijk = fijk;
        }
        return boundary;
    }

    // The intersection of two lines (H3 4.x computes it in double precision; 3.x used a float parameter).
    private static (double X, double Y) Intersect((double X, double Y) p0, (double X, double Y) p1, (double X, double Y) p2, (double X, double Y) p3)
    {
        double s1x = p1.X - p0.X, s1y = p1.Y - p0.Y;
        double s2x = p3.X - p2.X, s2y = p3.Y - p2.Y;
        double t = (s2x * (p0.Y - p2.Y) - s2y * (p0.X - p2.X)) / (-s2x * s1y + s1x * s2y);
        return (p0.X + t * s1x, p0.Y + t * s1y);
    }

    // H3 4.x treats an intersection within FLT_EPSILON of a vertex as that vertex.
    private static bool AlmostEqual((double X, double Y) a, (double X, double Y) b) =>
        Math.Abs(a.X - b.X) < FloatEpsilon && Math.Abs(a.Y - b.Y) < FloatEpsilon;

    private const double FloatEpsilon = 1.1920928955078125e-07;

    /// <summary>
    /// Moves a position at a Class II resolution off this face when it lies beyond it; for the
    /// index → FaceIJK conversion (not a substrate grid). Returns whether an overage happened.
    /// </summary>
    public bool AdjustOverage(int res, bool pentLeading4, out FaceIjk adjusted) =>
        AdjustOverageClassII(res, pentLeading4, substrate: false, out adjusted) != Overage.None;
}
