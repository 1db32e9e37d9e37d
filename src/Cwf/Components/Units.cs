using Cwf.Ir;

namespace Cwf.Components;

public enum LengthUnit
{
    Meters,
    Kilometers,
    Miles,
    Feet,
}

public enum AreaUnit
{
    SquareMeters,
    SquareKilometers,
    SquareMiles,
    Hectares,
}

/// <summary>
/// Unit names and conversions. The IR works in meters and square meters; both front ends
/// convert with these functions so that equal inputs give equal IR (a literal becomes one
/// float64 literal; anything else is multiplied or divided by a float64 factor).
/// </summary>
public static class Units
{
    public static LengthUnit? ParseLength(string text) => text.Trim().ToLowerInvariant() switch
    {
        "m" or "meter" or "meters" or "metre" or "metres" => LengthUnit.Meters,
        "km" or "kilometer" or "kilometers" or "kilometre" or "kilometres" => LengthUnit.Kilometers,
        "mi" or "mile" or "miles" => LengthUnit.Miles,
        "ft" or "foot" or "feet" => LengthUnit.Feet,
        _ => null,
    };

    public static AreaUnit? ParseArea(string text) => text.Trim().ToLowerInvariant() switch
    {
        "m2" or "sqm" or "square meters" or "square metres" => AreaUnit.SquareMeters,
        "km2" or "sqkm" or "square kilometers" or "square kilometres" => AreaUnit.SquareKilometers,
        "mi2" or "square miles" => AreaUnit.SquareMiles,
        "ha" or "hectares" => AreaUnit.Hectares,
        _ => null,
    };

    public static double MetersPer(LengthUnit unit) => unit switch
    {
        LengthUnit.Kilometers => 1000.0,
        LengthUnit.Miles => 1609.344,
        LengthUnit.Feet => 0.3048,
        _ => 1.0,
    };

    public static double SquareMetersPer(AreaUnit unit) => unit switch
    {
        AreaUnit.SquareKilometers => 1_000_000.0,
        AreaUnit.SquareMiles => 2_589_988.110336,
        AreaUnit.Hectares => 10_000.0,
        _ => 1.0,
    };

    /// <summary>The short .cwf spelling.</summary>
    public static string Symbol(LengthUnit unit) => unit switch
    {
        LengthUnit.Kilometers => "km",
        LengthUnit.Miles => "mi",
        LengthUnit.Feet => "ft",
        _ => "m",
    };

    public static string Symbol(AreaUnit unit) => unit switch
    {
        AreaUnit.SquareKilometers => "km2",
        AreaUnit.SquareMiles => "mi2",
        AreaUnit.Hectares => "ha",
        _ => "m2",
    };

    /// <summary>A length in <paramref name="unit"/> as meters.</summary>
    public static Expr ToMeters(Expr value, LengthUnit unit) => Scale(value, MetersPer(unit));

    /// <summary>A quantity in square units as square meters.</summary>
    public static Expr ToSquareMeters(Expr value, AreaUnit unit) => Scale(value, SquareMetersPer(unit));

    /// <summary>A value in meters expressed in <paramref name="unit"/>.</summary>
    public static Expr FromMeters(Expr meters, LengthUnit unit) => Divide(meters, MetersPer(unit));

    public static Expr FromSquareMeters(Expr squareMeters, AreaUnit unit) => Divide(squareMeters, SquareMetersPer(unit));

    private static Expr Scale(Expr value, double factor) => value switch
    {
        Literal { Value: long l } => Literal.Float(l * factor),
        Literal { Value: double d } => Literal.Float(d * factor),
        Literal { Value: decimal m } => Literal.Float((double)m * factor),
        _ when factor == 1.0 => value,
        _ => ExprFactory.Binary(BinaryOp.Multiply, value, Literal.Float(factor)),
    };

    private static Expr Divide(Expr value, double factor) =>
        factor == 1.0 ? value : ExprFactory.Binary(BinaryOp.Divide, value, Literal.Float(factor));
}
