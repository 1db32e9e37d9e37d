using System.Globalization;
using System.Text.RegularExpressions;
using Cwf.Binding;
using Cwf.Components;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Driver;

/// <summary>A value given for a parameter on the command line, read as the parameter's type (null when it does not fit, with the reason).</summary>
public sealed record ParameterValue(object? Value, string? Problem)
{
    public bool Fits => Problem is null;
}

/// <summary>
/// Reads <c>--param name=value</c> text as the parameter's type: int64 takes whole numbers only
/// (never a float, never out of range), float64 and decimal any number, and a parameter declared
/// with a unit (<c>param radius = 500 m</c>) also a number with a unit of its kind
/// (<c>radius=1.5km</c>, converted to meters as the IR holds it). A value that does not fit says
/// which format the type takes.
/// </summary>
public static partial class ParameterValues
{
    public static ParameterValue Read(Parameter parameter, Dimension dimension, string text)
    {
        var trimmed = text.Trim();
        return parameter.Type switch
        {
            SqlType.Int64 => Integer(parameter, trimmed),
            SqlType.Float64 or SqlType.Decimal => Number(parameter, dimension, trimmed),
            SqlType.Bool => trimmed.ToLowerInvariant() switch
            {
                "true" => new(true, null),
                "false" => new(false, null),
                _ => Misfit(parameter, text, "write true or false"),
            },
            SqlType.Date => LiteralValues.Date(trimmed) is { } date ? new(date, null)
                : Misfit(parameter, text, "write a date as YYYY-MM-DD, e.g. 2024-01-31"),
            SqlType.Timestamp => LiteralValues.Timestamp(trimmed) is { } timestamp ? new(timestamp, null)
                : Misfit(parameter, text, "write a timestamp as YYYY-MM-DD HH:MM:SS, e.g. 2024-01-31 13:45:00 (also with T between date and time, fractional seconds, a Z or +HH:MM offset, or a date alone for midnight)"),
            SqlType.String => new(text, null),
            _ => new(null, $"parameter '{parameter.Name}' is {parameter.Type.Name()}, which cannot be given on the command line"),
        };
    }

    private static ParameterValue Integer(Parameter parameter, string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return new(value, null);
        if (IsNumberWithUnit(text)) return Misfit(parameter, text, "an int64 parameter takes a whole number without a unit");
        bool isDecimal = decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number);
        if (isDecimal && number != decimal.Truncate(number))
            return Misfit(parameter, text, $"it is not a whole number; use {decimal.Truncate(number)} or {decimal.Truncate(number) + Math.Sign(number)}");
        if (isDecimal || LiteralValues.Float(text) is not null)
            return Misfit(parameter, text, $"it is outside the int64 range ({long.MinValue} to {long.MaxValue})");
        return Misfit(parameter, text, "write a whole number such as 100");
    }

    private static ParameterValue Number(Parameter parameter, Dimension dimension, string text)
    {
        var match = NumberAndUnit().Match(text);
        if (!match.Success) return Misfit(parameter, text, "write a number such as 1500 or 1.5" + (dimension.IsPlain ? "" : $", optionally with a unit: {dimension.UnitList()}"));
        string digits = match.Groups["number"].Value, unit = match.Groups["unit"].Value;
        object? value = parameter.Type == SqlType.Decimal
            ? decimal.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? m : null
            : LiteralValues.Float(digits);
        if (value is null) return Misfit(parameter, text, "the number is out of range");
        if (unit.Length == 0) return new(value, null);
        if (dimension.IsPlain)
            return Misfit(parameter, text, $"'{parameter.Name}' was declared without a unit, so it takes a plain number; declare it with one (param {parameter.Name} = 500 m) to give values such as 1.5km");
        if (Dimension.OfUnit(unit) != dimension)
            return Misfit(parameter, text, $"'{parameter.Name}' is {dimension.Describe()}: its units are {dimension.UnitList()}");
        double factor = Units.ParseLength(unit) is { } length ? Units.MetersPer(length) : Units.SquareMetersPer(Units.ParseArea(unit)!.Value);
        return new(Convert.ToDouble(value, CultureInfo.InvariantCulture) * factor, null);
    }

    private static bool IsNumberWithUnit(string text) => NumberAndUnit().Match(text) is { Success: true } m && m.Groups["unit"].Length > 0;

    private static ParameterValue Misfit(Parameter parameter, string text, string how) =>
        new(null, $"'{text}' is not a valid {parameter.Type.Name()} value for parameter '{parameter.Name}': {how}");

    [GeneratedRegex(@"^(?<number>[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)\s*(?<unit>[A-Za-z][A-Za-z0-9]*)?$")]
    private static partial Regex NumberAndUnit();
}
