using Cwf.Interpretation.Geo;
using Cwf.Ir;

namespace Cwf.Tests.Generators;

/// <summary>
/// Random well-typed expressions of a requested type over the columns in scope (one input, or
/// both sides of a join), built with <see cref="ExprFactory"/> so that types follow the IR's
/// rules. With <see cref="GeneratorOptions.AllowRuntimeErrors"/> off, every construct that can
/// fail at run time is guarded (see that option). Counts the nodes it makes, for shrinking.
/// </summary>
internal sealed class ExprGenerator(Rng rng, GeneratorOptions options, DataGenerator data)
{
    private static readonly SqlType[] Comparable = [SqlType.Int64, SqlType.Float64, SqlType.Decimal, SqlType.String, SqlType.Bool, SqlType.Date, SqlType.Timestamp];
    private static readonly string[] LikePatterns = ["%", "a%", "%b", "_", "%a_%", "A%", "%\u00e9%", "x\\_y", "50%%", ""];
    private bool Safe => !options.AllowRuntimeErrors;

    public int Nodes { get; private set; }

    /// <summary>Types an expression may have: the allowed column types (bool and int64 always, for predicates and counts).</summary>
    public IReadOnlyList<SqlType> ValueTypes => [.. new[] { SqlType.Int64, SqlType.Bool }.Concat(options.Types).Distinct().Where(options.Allows)];

    public IReadOnlyList<SqlType> ComparableTypes => [.. Comparable.Where(t => ValueTypes.Contains(t))];

    public Expr Make(SqlType type, IReadOnlyList<ColumnRef> scope, int depth)
    {
        Nodes++;
        if (depth <= 0 || rng.Chance(0.3)) return Leaf(type, scope);
        var made = type switch
        {
            SqlType.Bool => Bool(scope, depth - 1),
            SqlType.Int64 => Int64(scope, depth - 1),
            SqlType.Float64 => Float64(scope, depth - 1),
            SqlType.Decimal => Decimal(scope, depth - 1),
            SqlType.String => String(scope, depth - 1),
            SqlType.Date => Temporal(SqlType.Date, scope, depth - 1),
            SqlType.Timestamp => Temporal(SqlType.Timestamp, scope, depth - 1),
            SqlType.Geography => Geography(scope, depth - 1),
            _ => null,
        };
        return made ?? Leaf(type, scope);
    }

    /// <summary>
    /// A geography as text: lines as GeoJSON (st_geogfromgeojson), the rest as WKT, decided by the shape and not by a
    /// draw, so that the cases of a seed stay the ones they were before GeoJSON text existed.
    /// </summary>
    private Expr? GeographyLiteral(NetTopologySuite.Geometries.Geometry g) => g is NetTopologySuite.Geometries.LineString { IsEmpty: false }
        ? Call(Functions.GeogFromGeoJson, Literal.String(GeoJson.ToText(g)))
        : Call(Functions.GeogFromText, Literal.String(Wkt.WriteExact(g)));

    public Expr Leaf(SqlType type, IReadOnlyList<ColumnRef> scope)
    {
        var columns = scope.Where(c => c.Type == type).ToList();
        if (columns.Count > 0 && rng.Chance(0.75)) return rng.Pick(columns);
        if (rng.Chance(0.05) && type != SqlType.Geography) return Literal.Null(type);
        return type switch
        {
            SqlType.Geography => GeographyLiteral(data.Geography()) ?? Literal.Null(type),
            SqlType.Float64 => Literal.Float(data.Float64()),
            _ => new Literal(data.Value(type), type),
        };
    }

    private Expr? Call(BuiltinFunction f, params Expr[] args)
    {
        if (!options.Allows(f)) return null;
        Nodes++;
        return ExprFactory.Call(f, args);
    }

    private Expr? Pick(params Func<Expr?>[] makers)
    {
        // Try the constructors in a random order until one applies (one may be excluded by the options).
        var order = makers.OrderBy(_ => rng.Double()).ToList();
        foreach (var make in order)
            if (make() is { } e) return e;
        return null;
    }

    private SqlType NumericType() => rng.Pick(ValueTypes.Where(t => t.IsNumeric()).ToList());

    private Expr Any(IReadOnlyList<ColumnRef> scope, int depth) => Make(rng.Pick(ValueTypes), scope, depth);

    private Expr? Bool(IReadOnlyList<ColumnRef> scope, int depth) => Pick(
        () =>
        {
            var t = rng.Pick(ComparableTypes);
            var other = t.IsNumeric() && rng.Chance(0.3) ? NumericType() : t;
            var op = rng.Pick([BinaryOp.Equal, BinaryOp.NotEqual, BinaryOp.Less, BinaryOp.LessOrEqual, BinaryOp.Greater, BinaryOp.GreaterOrEqual]);
            return ExprFactory.Binary(op, Make(t, scope, depth), Make(other, scope, depth));
        },
        () => ExprFactory.And(Make(SqlType.Bool, scope, depth), Make(SqlType.Bool, scope, depth)),
        () => ExprFactory.Or(Make(SqlType.Bool, scope, depth), Make(SqlType.Bool, scope, depth)),
        () => ExprFactory.Not(Make(SqlType.Bool, scope, depth)),
        () => ExprFactory.IsNull(Any(scope, depth), rng.Chance(0.5)),
        () =>
        {
            var t = rng.Pick(ComparableTypes);
            return ExprFactory.InList(Make(t, scope, depth), Enumerable.Range(0, rng.Int(1, 3)).Select(_ => Make(t, scope, depth - 1)), rng.Chance(0.3));
        },
        () =>
        {
            var t = rng.Pick(ComparableTypes);
            return ExprFactory.Between(Make(t, scope, depth), Make(t, scope, depth - 1), Make(t, scope, depth - 1), rng.Chance(0.3));
        },
        () => ValueTypes.Contains(SqlType.String) ? ExprFactory.Like(Make(SqlType.String, scope, depth), Literal.String(rng.Pick(LikePatterns)), rng.Chance(0.3)) : null,
        () => ValueTypes.Contains(SqlType.String) ? Call(rng.Pick([Functions.StartsWith, Functions.EndsWith]), Make(SqlType.String, scope, depth), Make(SqlType.String, scope, depth)) : null,
        () => Spatial ? Call(rng.Pick([Functions.Intersects, Functions.Contains, Functions.Within, Functions.Covers, Functions.Touches]), Make(SqlType.Geography, scope, depth), Make(SqlType.Geography, scope, depth)) : null,
        () => Spatial ? Call(Functions.DWithin, Make(SqlType.Geography, scope, depth), Make(SqlType.Geography, scope, depth), Literal.Float(rng.Pick([0.0, 10.0, 1000.0, 100_000.0]))) : null,
        () => ValueTypes.Contains(SqlType.String) ? Call(Functions.H3IsValid, rng.Chance(0.5) && Spatial ? H3Cell(scope, depth) : Make(SqlType.String, scope, depth)) : null);

    private bool Spatial => ValueTypes.Contains(SqlType.Geography);

    private Expr SmallInt() => Literal.Int(rng.Int(-100, 100));

    private Expr NonZeroInt() => Literal.Int(rng.Chance(0.5) ? rng.Int(1, 10) : -rng.Int(1, 10));

    private Expr Guarded(Expr divisor) => Safe ? ExprFactory.Call(Functions.NullIf, divisor, divisor.Type == SqlType.Int64 ? Literal.Int(0) : divisor.Type == SqlType.Decimal ? Literal.Decimal(0) : Literal.Float(0)) : divisor;

    private Expr NonNegative(Expr x) => Safe ? ExprFactory.Binary(BinaryOp.Add, ExprFactory.Call(Functions.Abs, x), Literal.Int(1)) : x;

    private Expr? Int64(IReadOnlyList<ColumnRef> scope, int depth) => Pick(
        () => ExprFactory.Binary(rng.Pick([BinaryOp.Add, BinaryOp.Subtract]), Make(SqlType.Int64, scope, depth), Safe ? SmallInt() : Make(SqlType.Int64, scope, depth)),
        () => ExprFactory.Binary(BinaryOp.Multiply, Make(SqlType.Int64, scope, depth), Safe ? SmallInt() : Make(SqlType.Int64, scope, depth)),
        () => ExprFactory.Binary(BinaryOp.Modulo, Make(SqlType.Int64, scope, depth), Safe ? NonZeroInt() : Make(SqlType.Int64, scope, depth)),
        () => ExprFactory.Unary(UnaryOp.Negate, Make(SqlType.Int64, scope, depth)),
        () => Call(Functions.Abs, Make(SqlType.Int64, scope, depth)),
        () => Call(Functions.Round, Make(SqlType.Int64, scope, depth), Literal.Int(rng.Int(-3, 2))),
        () => ValueTypes.Contains(SqlType.String) ? Call(Functions.Length, Make(SqlType.String, scope, depth)) : null,
        () => ValueTypes.Contains(SqlType.String) ? Call(Functions.StrPos, Make(SqlType.String, scope, depth), Make(SqlType.String, scope, depth)) : null,
        () => TemporalType() is { } t ? Call(rng.Pick([Functions.Year, Functions.Month, Functions.Day]), Make(t, scope, depth)) : null,
        () => Spatial ? Call(rng.Pick([Functions.NumPoints, Functions.NumGeometries]), Make(SqlType.Geography, scope, depth)) : null,
        () => Spatial ? Call(Functions.H3Resolution, H3Cell(scope, depth)) : null,
        () => Spatial ? H3Distance(scope, depth) : null,
        // A cell is near 2^62, so arithmetic on it overflows: safe cases use cells only through functions.
        () => Spatial && !Safe ? QuadbinCell(scope, depth) : null,
        () => Spatial ? Call(Functions.QuadbinResolution, QuadbinCell(scope, depth)) : null,
        () => Spatial && !Safe ? Call(Functions.QuadbinToParent, QuadbinCell(scope, depth), Literal.Int(rng.Int(0, 4))) : null,
        () => TemporalType() is { } t ? Call(rng.Pick([Functions.Quarter, Functions.Week, Functions.DayOfWeek, Functions.DayOfYear]), Make(t, scope, depth)) : null,
        () => ValueTypes.Contains(SqlType.Timestamp) ? Call(rng.Pick([Functions.Hour, Functions.Minute, Functions.Second]), Make(SqlType.Timestamp, scope, depth)) : null,
        () => TemporalType() is { } a && TemporalType() is { } b ? Call(Functions.DateDiffDays, Make(a, scope, depth), Make(b, scope, depth)) : null,
        () =>
        {
            // Safe casts to int64 start from a column, whose values are moderate.
            var from = rng.Pick(ValueTypes.Where(t => t is SqlType.Float64 or SqlType.Decimal).ToList() is { Count: > 0 } l ? l : [SqlType.Int64]);
            return ExprFactory.Cast(Safe ? Leaf(from, scope) : Make(from, scope, depth), SqlType.Int64);
        },
        () => Conditional(SqlType.Int64, scope, depth));

    private SqlType? TemporalType()
    {
        var temporal = ValueTypes.Where(t => t.IsTemporal()).ToList();
        return temporal.Count == 0 ? null : rng.Pick(temporal);
    }

    private Expr? Float64(IReadOnlyList<ColumnRef> scope, int depth) => Pick(
        () => ExprFactory.Binary(rng.Pick([BinaryOp.Add, BinaryOp.Subtract]), Make(SqlType.Float64, scope, depth), Make(NumericType(), scope, depth)),
        () => ExprFactory.Binary(BinaryOp.Multiply, Make(SqlType.Float64, scope, depth), Safe ? Literal.Float(rng.Pick([0.5, -2.0, 3.0, 0.001])) : Make(NumericType(), scope, depth)),
        () =>
        {
            var numerator = Make(rng.Pick([SqlType.Int64, SqlType.Float64]), scope, depth);
            return ExprFactory.Binary(BinaryOp.Divide, numerator, Guarded(Make(rng.Pick([SqlType.Int64, SqlType.Float64]), scope, depth)));
        },
        () => Call(Functions.Sqrt, NonNegative(Make(NumericType(), scope, depth))),
        () => Call(Functions.Power, NonNegative(Make(NumericType(), scope, depth)), Safe ? Literal.Int(rng.Int(0, 2)) : Make(NumericType(), scope, depth)),
        () => Call(rng.Pick([Functions.Ln, Functions.Log10]), NonNegative(Make(NumericType(), scope, depth))),
        () => Call(Functions.Exp, Safe ? ExprFactory.Binary(BinaryOp.Modulo, Make(SqlType.Int64, scope, depth), Literal.Int(7)) : Make(NumericType(), scope, depth)),
        () => Call(rng.Pick([Functions.Abs, Functions.Floor, Functions.Ceil]), Make(SqlType.Float64, scope, depth)),
        () => Call(Functions.Round, Make(SqlType.Float64, scope, depth), Literal.Int(rng.Int(-2, 4))),
        () => ExprFactory.Cast(Make(rng.Pick([SqlType.Int64, ValueTypes.Contains(SqlType.Decimal) ? SqlType.Decimal : SqlType.Int64]), scope, depth), SqlType.Float64),
        () => !Safe && ValueTypes.Contains(SqlType.String) ? ExprFactory.Cast(Make(SqlType.String, scope, depth), SqlType.Float64) : null,
        () => Spatial ? Call(rng.Pick([Functions.X, Functions.Y]), Safe ? Call(Functions.Centroid, Make(SqlType.Geography, scope, depth))! : Make(SqlType.Geography, scope, depth)) : null,
        () => Spatial ? Call(rng.Pick([Functions.Area, Functions.LengthMeters, Functions.Perimeter]), Make(SqlType.Geography, scope, depth)) : null,
        () => Spatial ? Call(Functions.Distance, Make(SqlType.Geography, scope, depth), Make(SqlType.Geography, scope, depth)) : null,
        () => Conditional(SqlType.Float64, scope, depth));

    private Expr? Decimal(IReadOnlyList<ColumnRef> scope, int depth) => Pick(
        () => ExprFactory.Binary(rng.Pick([BinaryOp.Add, BinaryOp.Subtract]), Make(SqlType.Decimal, scope, depth), Make(rng.Pick([SqlType.Decimal, SqlType.Int64]), scope, depth)),
        () => ExprFactory.Binary(BinaryOp.Multiply, Make(SqlType.Decimal, scope, depth), Safe ? Literal.Decimal(rng.Pick([0.5m, 2m, -1.25m])) : Make(SqlType.Decimal, scope, depth)),
        () => ExprFactory.Binary(BinaryOp.Divide, Make(SqlType.Decimal, scope, depth), Guarded(Make(rng.Pick([SqlType.Decimal, SqlType.Int64]), scope, depth))),
        () => Call(rng.Pick([Functions.Abs, Functions.Floor, Functions.Ceil]), Make(SqlType.Decimal, scope, depth)),
        () => Call(Functions.Round, Make(SqlType.Decimal, scope, depth), Literal.Int(rng.Int(-1, 3))),
        () => ExprFactory.Cast(Safe ? Leaf(rng.Pick([SqlType.Int64, ValueTypes.Contains(SqlType.Float64) ? SqlType.Float64 : SqlType.Int64]), scope) : Make(NumericType(), scope, depth), SqlType.Decimal),
        () => Conditional(SqlType.Decimal, scope, depth));

    private Expr? String(IReadOnlyList<ColumnRef> scope, int depth) => Pick(
        () => Call(rng.Pick([Functions.Upper, Functions.Lower, Functions.Trim, Functions.LTrim, Functions.RTrim]), Make(SqlType.String, scope, depth)),
        () => rng.Chance(0.5)
            ? Call(Functions.Substr, Make(SqlType.String, scope, depth), Make(SqlType.Int64, scope, depth - 1), Safe ? Literal.Int(rng.Int(0, 5)) : Make(SqlType.Int64, scope, depth - 1))
            : Call(Functions.Substr, Make(SqlType.String, scope, depth), Make(SqlType.Int64, scope, depth - 1)),
        () => Call(Functions.Replace, Make(SqlType.String, scope, depth), Literal.String(rng.Pick(["a", "", " ", "é"])), Make(SqlType.String, scope, depth - 1)),
        () => Call(Functions.Concat, Make(SqlType.String, scope, depth), Make(SqlType.String, scope, depth), Make(SqlType.String, scope, depth - 1)),
        () => ExprFactory.Binary(BinaryOp.Concat, Make(SqlType.String, scope, depth), Make(SqlType.String, scope, depth)),
        () =>
        {
            // Float-to-text formatting differs between warehouses; only the permissive preset casts floats.
            var from = ValueTypes.Where(t => t is not (SqlType.Geography or SqlType.String) && (t != SqlType.Float64 || !Safe)).ToList();
            return ExprFactory.Cast(Make(rng.Pick(from), scope, depth), SqlType.String);
        },
        () => Spatial ? Call(Functions.AsText, Make(SqlType.Geography, scope, depth)) : null,
        () => Spatial ? Call(rng.Pick([Functions.AsGeoJson, Functions.GeometryType]), Make(SqlType.Geography, scope, depth)) : null,
        () => Spatial ? Call(Functions.H3FromPoint, Point(scope, depth), Literal.Int(rng.Int(0, 15))) : null,
        () => Spatial ? Call(Functions.H3ToParent, H3Cell(scope, depth), Literal.Int(rng.Int(0, 3))) : null,
        () => Conditional(SqlType.String, scope, depth));

    private Expr? Temporal(SqlType type, IReadOnlyList<ColumnRef> scope, int depth) => Pick(
        () =>
        {
            var other = type == SqlType.Date ? SqlType.Timestamp : SqlType.Date;
            return ValueTypes.Contains(other) ? ExprFactory.Cast(Make(other, scope, depth), type) : null;
        },
        () => Conditional(type, scope, depth),
        // Safe: small counts, and never near the ends of the calendar (the interpreter stops at year 9999, PostgreSQL later).
        () => Safe && options.ExtremeValues ? null
            : Call(rng.Pick([Functions.AddMonths, Functions.AddDays]), Make(type, scope, depth), Safe ? Literal.Int(rng.Int(-40, 40)) : Make(SqlType.Int64, scope, depth)),
        () => type == SqlType.Timestamp && !(Safe && options.ExtremeValues)
            ? Call(Functions.AddSeconds, Make(type, scope, depth), Safe ? Literal.Int(rng.Pick([-86_400, -61, 1, 3_600, 1_000_000])) : Make(SqlType.Int64, scope, depth))
            : null,
        () => Call(type == SqlType.Timestamp
            ? rng.Pick([Functions.TruncYear, Functions.TruncQuarter, Functions.TruncMonth, Functions.TruncWeek, Functions.TruncDay, Functions.TruncHour, Functions.TruncMinute])
            : rng.Pick([Functions.TruncYear, Functions.TruncQuarter, Functions.TruncMonth, Functions.TruncWeek]), Make(type, scope, depth)));

    private Expr Point(IReadOnlyList<ColumnRef> scope, int depth)
    {
        Nodes++;
        var center = data.Center();
        Expr lon = rng.Chance(0.7) ? Literal.Float(center.X) : Make(SqlType.Float64, scope, depth);
        Expr lat = rng.Chance(0.7) ? Literal.Float(center.Y) : Literal.Float(Math.Clamp(center.Y, -85, 85));
        // Safe: st_point needs finite coordinates; a guarded division may make them NULL, never infinite.
        return ExprFactory.Call(Functions.Point, lon, lat);
    }

    /// <summary>An H3 cell at resolution 3-12 (its parents at 0-3 exist), or a NULL string where H3 is not generated.</summary>
    private Expr H3Cell(IReadOnlyList<ColumnRef> scope, int depth) =>
        Call(Functions.H3FromPoint, Point(scope, depth), Literal.Int(rng.Int(3, 12))) ?? Literal.Null(SqlType.String);

    /// <summary>The grid distance of two points' cells at one coarse resolution (0-3: at most a few dozen steps apart), or NULL where H3 is not generated.</summary>
    private Expr H3Distance(IReadOnlyList<ColumnRef> scope, int depth)
    {
        var resolution = Literal.Int(rng.Int(0, 3));
        return Call(Functions.H3Distance, Call(Functions.H3FromPoint, Point(scope, depth), resolution) ?? Literal.Null(SqlType.String),
            Call(Functions.H3FromPoint, Point(scope, depth), resolution) ?? Literal.Null(SqlType.String)) ?? Literal.Null(SqlType.Int64);
    }

    /// <summary>A Quadbin cell at zoom 4-26 (its parents at 0-4 exist), or a NULL int64 where Quadbin is not generated.</summary>
    private Expr QuadbinCell(IReadOnlyList<ColumnRef> scope, int depth) =>
        Call(Functions.QuadbinFromPoint, Point(scope, depth), Literal.Int(rng.Int(4, 26))) ?? Literal.Null(SqlType.Int64);

    /// <summary>Whether H3 and Quadbin cells are generated (and so the sets of cells <see cref="CellSet"/> makes).</summary>
    public bool GeneratesCells => options.Allows(Functions.H3FromPoint) && options.Allows(Functions.QuadbinFromPoint);

    /// <summary>
    /// A set of spatial-index cells to explode, or null where H3 and Quadbin are not generated: the polyfill of
    /// <paramref name="polygon"/> in one of its modes, the k-ring (k 0-2) of a cell, or the children of a cell at its own
    /// resolution or up to two finer. Resolutions stay coarse (H3 0-3, Quadbin 0-7 for a polyfill) so that a large
    /// generated shape, a zoom-4 Quadbin tile of 22.5 degrees, still gives a few hundred cells at most.
    /// </summary>
    public (ExplodeKind Kind, Expr Value, Seq<Expr> Arguments)? CellSet(Expr polygon, IReadOnlyList<ColumnRef> scope, int depth)
    {
        if (!GeneratesCells) return null;
        bool h3 = rng.Chance(0.5);
        switch (rng.Int(0, 2))
        {
            case 0:
                var mode = h3
                    ? rng.Pick([ExplodeKind.H3PolyfillCenter, ExplodeKind.H3PolyfillIntersects, ExplodeKind.H3PolyfillContains])
                    : rng.Pick([ExplodeKind.QuadbinPolyfillCenter, ExplodeKind.QuadbinPolyfillIntersects, ExplodeKind.QuadbinPolyfillContains]);
                return (mode, polygon, [Literal.Int(h3 ? rng.Int(0, 3) : rng.Int(0, 7))]);
            case 1:
                return h3 ? (ExplodeKind.H3KRing, H3Cell(scope, depth), [Literal.Int(rng.Int(0, 2))])
                    : (ExplodeKind.QuadbinKRing, QuadbinCell(scope, depth), [Literal.Int(rng.Int(0, 2))]);
            default:
                int resolution = h3 ? rng.Int(0, 10) : rng.Int(0, 24);
                var cell = Call(h3 ? Functions.H3FromPoint : Functions.QuadbinFromPoint, Point(scope, depth), Literal.Int(resolution))!;
                return (h3 ? ExplodeKind.H3Children : ExplodeKind.QuadbinChildren, cell, [Literal.Int(resolution + rng.Int(0, 2))]);
        }
    }

    private Expr? Geography(IReadOnlyList<ColumnRef> scope, int depth) => Pick(
        () => Call(Functions.Point, Literal.Float(data.Center().X), Literal.Float(data.Center().Y)),
        () => Call(Functions.Buffer, Make(SqlType.Geography, scope, depth), Literal.Float(rng.Pick([1.0, 50.0, 1000.0, 25_000.0]))),
        () => Call(Functions.Centroid, Make(SqlType.Geography, scope, depth)),
        () => Call(Functions.H3Boundary, Call(Functions.H3FromPoint, Point(scope, depth), Literal.Int(rng.Int(3, 12))) ?? Literal.Null(SqlType.String)),
        () => Call(Functions.H3Center, H3Cell(scope, depth)),
        () => Call(rng.Pick([Functions.QuadbinBoundary, Functions.QuadbinCenter]), QuadbinCell(scope, depth)),
        () => Toolbox(scope, depth),
        () => Conditional(SqlType.Geography, scope, depth));

    /// <summary>
    /// The geometry toolbox, one choice among the others. Arguments that must be a line, a closed line or a
    /// non-empty point are built so (a line through two points, a ring's text, st_point), so no call fails.
    /// </summary>
    private Expr? Toolbox(IReadOnlyList<ColumnRef> scope, int depth)
    {
        var center = data.Center();
        Expr AnyPoint() => rng.Chance(0.5) ? Point(scope, depth) : Call(Functions.Centroid, Make(SqlType.Geography, scope, depth)) ?? Point(scope, depth);
        Expr Line() => Call(Functions.MakeLine, Point(scope, depth), Call(Functions.Point, Literal.Float(center.X + 0.3), Literal.Float(center.Y - 0.2)) ?? Point(scope, depth)) ?? Leaf(SqlType.Geography, scope);
        string Ring()
        {
            double x = center.X, y = center.Y, d = rng.Pick([0.01, 0.5]);
            // A square, or a bow tie that st_makepolygon must repair.
            var corners = rng.Chance(0.7) ? new[] { (x, y), (x + d, y), (x + d, y + d), (x, y + d), (x, y) } : [(x, y), (x + d, y + d), (x + d, y), (x, y + d), (x, y)];
            return "LINESTRING(" + string.Join(",", corners.Select(c => FormattableString.Invariant($"{c.Item1:R} {c.Item2:R}"))) + ")";
        }
        return Pick(
            () => Call(Functions.PointN, Make(SqlType.Geography, scope, depth), Literal.Int(rng.Int(-3, 4))),
            () => Call(Functions.MakeLine, AnyPoint(), AnyPoint()),
            () => Call(Functions.GeogFromText, Literal.String(Ring())) is { } ring ? Call(Functions.MakePolygon, ring) : null,
            () => Call(Functions.Envelope, Make(SqlType.Geography, scope, depth)),
            () =>
            {
                double w = rng.Pick([0.0, 0.01, 0.5]), h = rng.Pick([0.01, 0.5]);
                return Call(Functions.MakeEnvelope, Literal.Float(center.X - w), Literal.Float(center.Y - h), Literal.Float(center.X + w), Literal.Float(center.Y));
            },
            () => Call(Functions.LineInterpolatePoint, Line(), Literal.Float(rng.Pick([0.0, 0.25, 0.5, 1.0]))),
            () => Call(Functions.Destination, Point(scope, depth), Literal.Float(rng.Pick([10.0, 1000.0, 250_000.0])), Literal.Float(rng.Pick([0.0, 45.0, 200.0, -30.0]))),
            () => Call(rng.Pick([Functions.Intersection, Functions.Difference]), Make(SqlType.Geography, scope, depth), Make(SqlType.Geography, scope, depth)),
            () => Call(rng.Pick([Functions.Boundary, Functions.ConvexHull, Functions.RemoveHoles]), Make(SqlType.Geography, scope, depth)),
            () => Call(Functions.Polygonize, Make(SqlType.Geography, scope, depth)),
            () => Call(Functions.ConcaveHull, Make(SqlType.Geography, scope, depth), Literal.Float(rng.Pick([0.0, 0.3, 1.0]))),
            () => Call(Functions.Simplify, Make(SqlType.Geography, scope, depth), Literal.Float(rng.Pick([10.0, 1000.0, 20_000.0]))),
            () => Call(Functions.SnapToGrid, Make(SqlType.Geography, scope, depth), Literal.Float(rng.Pick([0.001, 0.1, 1.0]))));
    }

    /// <summary>CASE, COALESCE or NULLIF producing the type (NULLIF only for comparable types).</summary>
    private Expr? Conditional(SqlType type, IReadOnlyList<ColumnRef> scope, int depth) => rng.Weighted<Func<Expr?>>(
        (2, () => ExprFactory.Case(
            Enumerable.Range(0, rng.Int(1, 2)).Select(_ => new WhenClause(Make(SqlType.Bool, scope, depth), Make(type, scope, depth))),
            rng.Chance(0.7) ? Make(type, scope, depth) : null)),
        (2, () => Call(Functions.Coalesce, [.. Enumerable.Range(0, rng.Int(1, 3)).Select(_ => Make(type, scope, depth))])),
        (1, () => type.IsComparable() ? Call(Functions.NullIf, Make(type, scope, depth), Make(type, scope, depth)) : null))();
}
