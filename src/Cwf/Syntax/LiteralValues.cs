using System.Globalization;

namespace Cwf.Syntax;

/// <summary>Reads the values of literals as written in .cwf and SQL text (culture-invariant).</summary>
public static class LiteralValues
{
    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>An integer literal: a long when it fits, else a decimal; null when it fits neither.</summary>
    public static object? Integer(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l
        : decimal.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d
        : null;

    /// <summary>A float literal (<c>1.5</c>, <c>2e3</c>), or null when it is not a finite double.</summary>
    public static double? Float(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;

    public static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>An ISO timestamp; an explicit offset or Z is converted to UTC.</summary>
    public static DateTime? Timestamp(string text) =>
        DateTime.TryParseExact(text.Trim(), TimestampFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces, out var t)
            ? DateTime.SpecifyKind(t, DateTimeKind.Unspecified)
            : null;

    public static decimal? Decimal(string text) =>
        decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
}
