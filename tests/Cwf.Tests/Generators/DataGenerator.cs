using Cwf.Interpretation;
using Cwf.Interpretation.Geo;
using Cwf.Ir;
using NetTopologySuite.Geometries;

namespace Cwf.Tests.Generators;

/// <summary>
/// Random values and tables for a schema: NULLs (in nullable columns), duplicates, empty
/// tables, boundary numbers, unicode strings, and valid geometries in lon/lat range — points,
/// lines, polygons (with holes), multipolygons and empty geometries.
/// </summary>
internal sealed class DataGenerator(Rng rng, GeneratorOptions options)
{
    private static readonly string[] Words = ["", " ", "a", "A", "abc", "Abc", "b", "x_y", "50%", "it's", "a,b", "line\nbreak", "  padded  ", "zzz", "null", "NULL", "0", "1.5"];
    private static readonly string[] UnicodeWords = ["é", "Été", "ß", "日本", "😀", "e\u0301", "Ωmega", "\uFB01le"];

    public Table Table(Schema schema)
    {
        int rows = rng.Chance(0.1) ? 0 : rng.Int(1, options.MaxRows);
        var result = new List<object?[]>(rows);
        for (int r = 0; r < rows; r++)
        {
            // Duplicate an earlier row now and then: DISTINCT, GROUP BY and joins need them.
            if (result.Count > 0 && rng.Chance(0.15))
            {
                result.Add(rng.Pick(result));
                continue;
            }
            result.Add([.. schema.Columns.Select(c => c.Nullable && rng.Chance(0.15) ? null : Value(c.Type))]);
        }
        return new Table(schema, result);
    }

    public object Value(SqlType type) => type switch
    {
        SqlType.Int64 => Int64(),
        SqlType.Float64 => Float64(),
        SqlType.Decimal => Decimal(),
        SqlType.String => String(),
        SqlType.Bool => rng.Chance(0.5),
        SqlType.Date => Date(),
        SqlType.Timestamp => Timestamp(),
        SqlType.Geography => Geography(),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public long Int64()
    {
        if (options.ExtremeValues && rng.Chance(0.15)) return rng.Pick([long.MinValue, long.MaxValue, long.MinValue + 1, long.MaxValue - 1, 1L << 53, -(1L << 53)]);
        return rng.Weighted<long>((3, rng.Long(-5, 5)), (3, rng.Long(-1000, 1000)), (1, rng.Long(-1_000_000, 1_000_000)));
    }

    public double Float64()
    {
        if (options.NonFiniteFloats && rng.Chance(0.05)) return rng.Pick([double.NaN, double.PositiveInfinity, double.NegativeInfinity]);
        if (options.ExtremeValues && rng.Chance(0.15)) return rng.Pick([1e300, -1e300, 5e-324, -2.2250738585072014E-308, double.MaxValue, 0.1 + 0.2]);
        return rng.Weighted<double>(
            (2, rng.Int(-5, 5)),
            (1, rng.Pick([0.0, -0.0, 0.5, -0.5, 2.5, 0.1, 1e-7])),
            (3, Math.Round(rng.Double(-1000, 1000), rng.Int(0, 6))),
            (1, Math.Round(rng.Double(-1e6, 1e6), 2)));
    }

    public decimal Decimal()
    {
        if (options.ExtremeValues && rng.Chance(0.1)) return rng.Pick([decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m, 12345678901234567890.123456789m]);
        return Math.Round((decimal)rng.Double(-1_000_000, 1_000_000), rng.Int(0, 4));
    }

    public string String()
    {
        if (options.UnicodeStrings && rng.Chance(0.2)) return rng.Pick(UnicodeWords) + (rng.Chance(0.5) ? rng.Pick(Words) : "");
        return rng.Chance(0.8) ? rng.Pick(Words) : rng.Pick(Words) + rng.Pick(Words);
    }

    public DateOnly Date()
    {
        if (options.ExtremeValues && rng.Chance(0.1)) return rng.Pick([new DateOnly(1, 1, 1), new DateOnly(9999, 12, 31), new DateOnly(2000, 2, 29)]);
        return new DateOnly(1970, 1, 1).AddDays(rng.Int(-20000, 40000));
    }

    public DateTime Timestamp()
    {
        // Microseconds: the precision every warehouse keeps.
        long micros = rng.Long(0, 86_400_000_000L - 1);
        if (rng.Chance(0.5)) micros -= micros % 1_000_000;
        return Date().ToDateTime(TimeOnly.MinValue).AddTicks(micros * 10);
    }

    /// <summary>A valid geometry with coordinates rounded to 6 decimals, away from the poles and the antimeridian.</summary>
    public Geometry Geography()
    {
        var f = Cwf.Interpretation.Geo.Geography.Factory;
        if (rng.Chance(0.05)) return rng.Pick<Geometry>([f.CreatePoint(), f.CreatePolygon(), f.CreateLineString(), f.CreateMultiPolygon()]);
        var center = Center();
        return rng.Weighted<Func<Geometry>>(
            (5, () => f.CreatePoint(center)),
            (2, () => f.CreateLineString(Path(center))),
            (3, () => Polygon(center, withHole: rng.Chance(0.2))),
            (1, () => f.CreateMultiPolygon([Polygon(center, false), Polygon(Offset(center, 3), false)])))();
    }

    /// <summary>A point near one of a few hubs, so that spatial predicates and joins find matches.</summary>
    public Coordinate Center()
    {
        var hub = rng.Pick(new[] { (2.35, 48.85), (-74.0, 40.7), (0.0, 0.0), (139.7, 35.7), (-58.4, -34.6) });
        return new Coordinate(Round(hub.Item1 + rng.Double(-1, 1)), Round(hub.Item2 + rng.Double(-1, 1)));
    }

    private Coordinate Offset(Coordinate c, double by) => new(Round(c.X + by), Round(c.Y));

    private Coordinate[] Path(Coordinate start)
    {
        int n = rng.Int(2, 5);
        var points = new Coordinate[n];
        points[0] = start;
        for (int i = 1; i < n; i++) points[i] = new Coordinate(Round(points[i - 1].X + rng.Double(-0.5, 0.5)), Round(points[i - 1].Y + rng.Double(-0.5, 0.5)));
        return points;
    }

    /// <summary>A star-shaped polygon around a center (angles increasing, so the ring never crosses itself).</summary>
    private Polygon Polygon(Coordinate center, bool withHole)
    {
        var f = Cwf.Interpretation.Geo.Geography.Factory;
        double radius = rng.Pick([0.001, 0.01, 0.1, 0.5, 1.0]);
        var shell = Ring(center, radius, rng.Int(3, 8));
        if (!withHole) return f.CreatePolygon(shell);
        return f.CreatePolygon(shell, [Ring(center, radius / 4, 4)]);
    }

    private LinearRing Ring(Coordinate center, double radius, int vertices)
    {
        var ring = new Coordinate[vertices + 1];
        double start = rng.Double(0, 2 * Math.PI / vertices);
        for (int i = 0; i < vertices; i++)
        {
            double angle = start + 2 * Math.PI * i / vertices;
            double r = radius * rng.Double(0.6, 1.0);
            ring[i] = new Coordinate(Round(center.X + r * Math.Cos(angle)), Round(center.Y + r * Math.Sin(angle)));
        }
        ring[vertices] = ring[0].Copy();
        return Cwf.Interpretation.Geo.Geography.Factory.CreateLinearRing(ring);
    }

    private static double Round(double d) => Math.Round(d, 6);
}
