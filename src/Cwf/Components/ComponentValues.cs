using System.Globalization;
using Cwf.Ir;

namespace Cwf.Components;

/// <summary>How component values written as text are read as typed literals, the same for every front end.</summary>
public static class ComponentValues
{
    /// <summary>A numeric literal as the .cwf lexer reads it: integral text is int64, anything else float64.</summary>
    public static Literal? NumberLiteral(string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return Literal.Int(l);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)) return Literal.Float(d);
        return null;
    }

    /// <summary>
    /// Reads a value as a literal of a column's type, or null when it does not fit (contract 5a.8): a number
    /// for numeric types, the text for strings, a date or timestamp literal, or true/false.
    /// </summary>
    public static Literal? TypedValue(SqlType type, string text)
    {
        var trimmed = text.Trim();
        switch (type)
        {
            case SqlType.Int64 or SqlType.Float64 or SqlType.Decimal:
                return NumberLiteral(trimmed);
            case SqlType.String or SqlType.Unknown:
                return Literal.String(text);
            case SqlType.Bool:
                return trimmed.ToLowerInvariant() switch { "true" => Literal.Bool(true), "false" => Literal.Bool(false), _ => null };
            case SqlType.Date:
                return DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? Literal.Date(d) : null;
            case SqlType.Timestamp:
                string[] formats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFF", "yyyy-MM-ddTHH:mm:ss.FFFFFF", "yyyy-MM-dd"];
                return DateTime.TryParseExact(trimmed, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? Literal.Timestamp(t) : null;
            default:
                return null;
        }
    }
}
