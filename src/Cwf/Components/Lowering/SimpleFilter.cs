using System.Globalization;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components;

public static partial class ComponentLowering
{
    /// <summary>The six operators of <c>native.wheresimplified</c>, by option string.</summary>
    public static BinaryOp? SimpleFilterOperator(string option) => option switch
    {
        "equal to" => BinaryOp.Equal,
        "not equal" => BinaryOp.NotEqual,
        "less than" => BinaryOp.Less,
        "greater than" => BinaryOp.Greater,
        "equal or less than" => BinaryOp.LessOrEqual,
        "equal or greater than" => BinaryOp.GreaterOrEqual,
        _ => null,
    };

    /// <summary>
    /// <c>native.wheresimplified</c>: <c>column op value</c>, the value typed by the column (contract 5a.8):
    /// a number for numeric columns (integral text gives an int64 literal, as in .cwf), a string,
    /// a date or timestamp literal, or true/false.
    /// </summary>
    public static int? SimpleFilter(LoweringContext cx, int input, ColumnArg column, BinaryOp op, string value, Location valueLocation, FilterBranch branch, StepInfo step)
    {
        if (cx.Resolve(input, column) is not { } c) return null;
        if (!c.Type.IsComparable())
        {
            cx.Diagnostics.Report(DiagnosticCodes.NotComparable, column.Location,
                $"column '{c.Name}' is geography and cannot be compared with a value", "use a spatial filter instead");
            return null;
        }
        if (TypedValue(c.Type, value) is not { } literal)
        {
            cx.Diagnostics.Report(DiagnosticCodes.InvalidFilterValue, valueLocation,
                $"'{value}' is not a valid {c.Type.Name()} value for column '{c.Name}'", ExampleValue(c.Type));
            return null;
        }
        var predicate = ExprFactory.Binary(op, ExprFactory.Column(c), literal);
        return Where(cx, input, predicate, valueLocation, branch, step);
    }

    /// <summary>Reads a value as a literal of the column's type, or null when it does not fit.</summary>
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

    /// <summary>A numeric literal as the .cwf lexer reads it: integral text is int64, anything else float64.</summary>
    public static Literal? NumberLiteral(string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return Literal.Int(l);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)) return Literal.Float(d);
        return null;
    }

    private static string ExampleValue(SqlType type) => type switch
    {
        SqlType.Int64 or SqlType.Float64 or SqlType.Decimal => "write a number, e.g. 500 or 12.5",
        SqlType.Bool => "write true or false",
        SqlType.Date => "write a date as YYYY-MM-DD",
        SqlType.Timestamp => "write a timestamp as YYYY-MM-DD HH:MM:SS",
        _ => "",
    };
}
