using System.Globalization;
using Cwf.Diagnostics;
using Cwf.Interpretation.Geo;
using Cwf.Ir;
using NetTopologySuite.Geometries;

namespace Cwf.Interpretation.Evaluation;

/// <summary>
/// SQL semantics of single values: which CLR kind holds each type, comparison (numbers across
/// kinds, strings by Unicode code point as in a binary/"C" collation, dates before timestamps),
/// equality and hashing for grouping (NULLs equal, NaN equals NaN, -0 equals 0), implicit
/// widening, and the text form of a value.
/// </summary>
internal static class SqlValues
{
    public static readonly object True = true;
    public static readonly object False = false;

    public static object Bool(bool b) => b ? True : False;

    /// <summary>Brings a caller's value to the CLR kind of <paramref name="type"/>; false when it cannot be that type.</summary>
    public static bool TryNormalize(object? value, SqlType type, out object? normalized)
    {
        normalized = null;
        if (value is null) return true;
        if (type == SqlType.Unknown)
        {
            foreach (var candidate in new[] { SqlType.Int64, SqlType.Float64, SqlType.Decimal, SqlType.String, SqlType.Bool, SqlType.Date, SqlType.Timestamp, SqlType.Geography })
                if (TryNormalize(value, candidate, out normalized)) return true;
            return false;
        }
        normalized = (type, value) switch
        {
            (SqlType.Int64, long l) => l,
            (SqlType.Int64, int i) => (long)i,
            (SqlType.Int64, short s) => (long)s,
            (SqlType.Int64, byte b) => (long)b,
            (SqlType.Int64, uint u) => (long)u,
            (SqlType.Float64, double d) => d,
            (SqlType.Float64, float f) => (double)f,
            (SqlType.Decimal, decimal m) => m,
            (SqlType.String, string s) => s,
            (SqlType.Bool, bool b) => Bool(b),
            (SqlType.Date, DateOnly d) => d,
            (SqlType.Timestamp, DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Unspecified),
            (SqlType.Geography, Geometry g) => g,
            _ => null,
        };
        return normalized is not null;
    }

    /// <summary>The SQL type a value's CLR kind stands for.</summary>
    public static SqlType TypeOf(object value) => value switch
    {
        long => SqlType.Int64,
        double => SqlType.Float64,
        decimal => SqlType.Decimal,
        string => SqlType.String,
        bool => SqlType.Bool,
        DateOnly => SqlType.Date,
        DateTime => SqlType.Timestamp,
        Geometry => SqlType.Geography,
        _ => SqlType.Unknown,
    };

    /// <summary>Implicit widening to a target type (int64 → decimal/float64, decimal → float64, date → timestamp); other values pass unchanged.</summary>
    public static object? Widen(object? value, SqlType target) => (value, target) switch
    {
        (long l, SqlType.Float64) => (double)l,
        (long l, SqlType.Decimal) => (decimal)l,
        (decimal m, SqlType.Float64) => (double)m,
        (DateOnly d, SqlType.Timestamp) => d.ToDateTime(TimeOnly.MinValue),
        _ => value,
    };

    /// <summary>SQL comparison of two non-NULL values.</summary>
    public static int Compare(object a, object b)
    {
        switch (a, b)
        {
            case (long x, long y): return x.CompareTo(y);
            case (double x, double y): return CompareDoubles(x, y);
            case (decimal x, decimal y): return x.CompareTo(y);
            case (string x, string y): return CompareCodePoints(x, y);
            case (bool x, bool y): return x.CompareTo(y);
            case (DateOnly x, DateOnly y): return x.CompareTo(y);
            case (DateTime x, DateTime y): return x.CompareTo(y);
            case (long x, decimal y): return ((decimal)x).CompareTo(y);
            case (decimal x, long y): return x.CompareTo((decimal)y);
            case (long or decimal, double y): return CompareDoubles(ToDouble(a), y);
            case (double x, long or decimal): return CompareDoubles(x, ToDouble(b));
            case (DateOnly x, DateTime y): return x.ToDateTime(TimeOnly.MinValue).CompareTo(y);
            case (DateTime x, DateOnly y): return x.CompareTo(y.ToDateTime(TimeOnly.MinValue));
            default:
                throw new InterpretationException(DiagnosticCodes.RuntimeNotComparable,
                    $"cannot compare {TypeOf(a).Name()} with {TypeOf(b).Name()}",
                    TypeOf(a) == SqlType.Geography ? "geography values cannot be compared, sorted or grouped; compare st_astext(...) or an H3 cell instead" : null);
        }
    }

    // PostgreSQL orders NaN above every number and equal to itself; -0 equals 0.
    private static int CompareDoubles(double x, double y)
    {
        if (double.IsNaN(x)) return double.IsNaN(y) ? 0 : 1;
        if (double.IsNaN(y)) return -1;
        return x < y ? -1 : x > y ? 1 : 0;
    }

    public static double ToDouble(object value) => value switch
    {
        long l => l,
        double d => d,
        decimal m => (double)m,
        _ => throw new InvalidOperationException($"{value.GetType().Name} is not numeric."),
    };

    /// <summary>Compares strings by Unicode code point (UTF-16 ordinal order differs above U+D800).</summary>
    public static int CompareCodePoints(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            char x = a[i], y = b[i];
            if (x == y) continue;
            // Surrogates (U+D800-DFFF) encode code points above U+FFFF: move them above U+E000-FFFF.
            int fx = x >= 0xD800 ? (x < 0xE000 ? x + 0x2000 : x - 0x800) : x;
            int fy = y >= 0xD800 ? (y < 0xE000 ? y + 0x2000 : y - 0x800) : y;
            return fx.CompareTo(fy);
        }
        return a.Length.CompareTo(b.Length);
    }

    /// <summary>Equality for GROUP BY, DISTINCT and join keys: NULLs are equal to each other, geometries equal when exactly equal.</summary>
    public static bool KeyEquals(object? a, object? b)
    {
        if (a is null || b is null) return a is null && b is null;
        if (a is Geometry ga) return b is Geometry gb && Geography.SameGeometry(ga, gb);
        if (b is Geometry) return false;
        if (a.GetType() == b.GetType() && a is not double) return a.Equals(b);
        return Comparable(a, b) && Compare(a, b) == 0;
    }

    public static int KeyHash(object? value) => value switch
    {
        null => 0,
        long l => HashNumber(l),
        double d => HashNumber(d),
        decimal m => HashNumber((double)m),
        Geometry g => Geography.Hash(g),
        DateOnly d => d.ToDateTime(TimeOnly.MinValue).GetHashCode(),
        _ => value.GetHashCode(),
    };

    // Numbers equal across kinds must hash alike: hash their double value (-0 and NaN normalized).
    private static int HashNumber(double d) => double.IsNaN(d) ? 1 : d == 0 ? 0 : d.GetHashCode();

    private static bool Comparable(object a, object b)
    {
        var ta = TypeOf(a);
        var tb = TypeOf(b);
        return ta == tb || (ta.IsNumeric() && tb.IsNumeric()) || (ta.IsTemporal() && tb.IsTemporal());
    }

    /// <summary>
    /// The text of a non-NULL value as the reference engine prints it and as CAST(... AS string)
    /// produces it: PostgreSQL's formats for numbers, booleans and timestamps, PostGIS WKT.
    /// </summary>
    public static string ToText(object value) => value switch
    {
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => NumberText.Float(d),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => TimestampText(t),
        Geometry g => Wkt.Write(g),
        _ => throw new InvalidOperationException($"Unexpected value {value.GetType().Name}."),
    };

    private static string TimestampText(DateTime t)
    {
        var text = t.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture).TrimEnd('0');
        return text.EndsWith('.') ? text[..^1] : text;
    }
}
