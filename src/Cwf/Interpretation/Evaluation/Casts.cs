using System.Globalization;
using Cwf.Diagnostics;
using Cwf.Interpretation.Geo;
using Cwf.Ir;

namespace Cwf.Interpretation.Evaluation;

/// <summary>
/// CAST between the IR's types (spec/interpreter.md lists every rule). Numbers to int64 round
/// half away from zero, as the IR's round does; strings parse with PostgreSQL's input rules
/// (surrounding spaces allowed); geography converts to and from WKT. A value that does not
/// convert is a run-time error, as in SQL.
/// </summary>
internal static class Casts
{
    public static object Cast(object value, SqlType target)
    {
        var source = SqlValues.TypeOf(value);
        if (source == target || target == SqlType.Unknown) return value;
        return target switch
        {
            SqlType.Int64 => ToInt64(value),
            SqlType.Float64 => ToFloat64(value),
            SqlType.Decimal => ToDecimal(value),
            SqlType.String => SqlValues.ToText(value),
            SqlType.Bool => ToBool(value),
            SqlType.Date => ToDate(value),
            SqlType.Timestamp => ToTimestamp(value),
            SqlType.Geography => ToGeography(value),
            _ => throw Invalid(value, target),
        };
    }

    private static object ToInt64(object value)
    {
        switch (value)
        {
            case double d:
                if (!double.IsFinite(d)) throw Invalid(value, SqlType.Int64);
                double rounded = Math.Round(d, MidpointRounding.AwayFromZero);
                if (rounded < -9.2233720368547758E18 || rounded >= 9.2233720368547758E18) throw Arithmetic.Overflow(SqlType.Int64);
                return (long)rounded;
            case decimal m:
                var r = Math.Round(m, MidpointRounding.AwayFromZero);
                if (r < long.MinValue || r > long.MaxValue) throw Arithmetic.Overflow(SqlType.Int64);
                return (long)r;
            case bool b:
                return b ? 1L : 0L;
            case string s:
                if (long.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
                if (IsIntegerText(s.Trim())) throw Arithmetic.Overflow(SqlType.Int64);
                throw Invalid(value, SqlType.Int64);
            default:
                throw Invalid(value, SqlType.Int64);
        }
    }

    private static bool IsIntegerText(string s) => s.Length > 0 && s.TrimStart('+', '-').Length > 0 && s.TrimStart('+', '-').All(char.IsAsciiDigit);

    private static object ToFloat64(object value)
    {
        switch (value)
        {
            case long l:
                return (double)l;
            case decimal m:
                return (double)m;
            case bool b:
                return b ? 1.0 : 0.0;
            case string s:
                var t = s.Trim();
                switch (t.ToLowerInvariant())
                {
                    case "nan": return double.NaN;
                    case "infinity" or "+infinity" or "inf" or "+inf": return double.PositiveInfinity;
                    case "-infinity" or "-inf": return double.NegativeInfinity;
                }
                if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                {
                    if (double.IsInfinity(d)) throw Arithmetic.Overflow(SqlType.Float64);
                    return d;
                }
                throw Invalid(value, SqlType.Float64);
            default:
                throw Invalid(value, SqlType.Float64);
        }
    }

    private static object ToDecimal(object value)
    {
        switch (value)
        {
            case long l:
                return (decimal)l;
            case double d:
                if (!double.IsFinite(d)) throw Invalid(value, SqlType.Decimal);
                // Like PostgreSQL's float8 → numeric: the double's 15 significant digits.
                try
                {
                    return (decimal)d;
                }
                catch (OverflowException)
                {
                    throw Arithmetic.Overflow(SqlType.Decimal);
                }
            case bool b:
                return b ? 1m : 0m;
            case string s:
                if (decimal.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var m)) return m;
                throw Invalid(value, SqlType.Decimal);
            default:
                throw Invalid(value, SqlType.Decimal);
        }
    }

    private static object ToBool(object value) => value switch
    {
        long l => SqlValues.Bool(l != 0),
        double d => SqlValues.Bool(d != 0),
        decimal m => SqlValues.Bool(m != 0),
        string s => ParseBool(s) is { } b ? SqlValues.Bool(b) : throw Invalid(value, SqlType.Bool),
        _ => throw Invalid(value, SqlType.Bool),
    };

    /// <summary>PostgreSQL's boolean input words.</summary>
    public static bool? ParseBool(string s) => s.Trim().ToLowerInvariant() switch
    {
        "t" or "true" or "y" or "yes" or "on" or "1" => true,
        "f" or "false" or "n" or "no" or "off" or "0" => false,
        _ => null,
    };

    private static object ToDate(object value) => value switch
    {
        DateTime t => DateOnly.FromDateTime(t),
        string s when ParseDate(s) is { } d => d,
        string s when ParseTimestamp(s) is { } t => DateOnly.FromDateTime(t),
        _ => throw Invalid(value, SqlType.Date),
    };

    private static object ToTimestamp(object value) => value switch
    {
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        string s when ParseTimestamp(s) is { } t => t,
        _ => throw Invalid(value, SqlType.Timestamp),
    };

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d"];

    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd",
    ];

    public static DateOnly? ParseDate(string s) =>
        DateOnly.TryParseExact(s.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>ISO timestamps: <c>2024-05-01 10:20:30.123456</c> (or with T), minutes only, or a bare date.</summary>
    public static DateTime? ParseTimestamp(string s) =>
        DateTime.TryParseExact(s.Trim(), TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? DateTime.SpecifyKind(t, DateTimeKind.Unspecified)
            : null;

    private static object ToGeography(object value)
    {
        if (value is not string s) throw Invalid(value, SqlType.Geography);
        var parsed = Wkt.TryRead(s, out var error) ?? throw new InterpretationException(DiagnosticCodes.RuntimeCastFailed,
            $"'{Abbreviate(s)}' is not well-known text: {error}", "write geography as WKT, for example POINT(2.35 48.85)");
        return FunctionLibrary.Spatial(() => Geography.Valid(parsed))!;
    }

    private static InterpretationException Invalid(object value, SqlType target) =>
        new(DiagnosticCodes.RuntimeCastFailed,
            value is string s
                ? $"invalid input for {target.Name()}: '{Abbreviate(s)}'"
                : $"cannot cast {SqlValues.TypeOf(value).Name()} value {Abbreviate(SqlValues.ToText(value))} to {target.Name()}");

    private static string Abbreviate(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
