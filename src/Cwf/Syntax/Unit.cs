namespace Cwf.Syntax;

/// <summary>A unit written after a number: lengths convert to meters, areas to square meters.</summary>
public enum Unit
{
    Meters,
    Kilometers,
    Miles,
    SquareMeters,
    SquareKilometers,
}

public static class UnitFacts
{
    /// <summary>How many meters (or square meters) one of this unit is.</summary>
    public static double Factor(this Unit unit) => unit switch
    {
        Unit.Meters => 1,
        Unit.Kilometers => 1000,
        Unit.Miles => 1609.344,
        Unit.SquareMeters => 1,
        Unit.SquareKilometers => 1_000_000,
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };

    public static bool IsArea(this Unit unit) => unit is Unit.SquareMeters or Unit.SquareKilometers;

    /// <summary>The .cwf spelling: m, km, mi, m2, km2.</summary>
    public static string Spelling(this Unit unit) => unit switch
    {
        Unit.Meters => "m",
        Unit.Kilometers => "km",
        Unit.Miles => "mi",
        Unit.SquareMeters => "m2",
        Unit.SquareKilometers => "km2",
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };

    public static Unit? FromSpelling(string text) => text.ToLowerInvariant() switch
    {
        "m" => Unit.Meters,
        "km" => Unit.Kilometers,
        "mi" => Unit.Miles,
        "m2" => Unit.SquareMeters,
        "km2" => Unit.SquareKilometers,
        _ => null,
    };
}
