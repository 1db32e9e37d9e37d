using Cwf.Components;

namespace Cwf.Binding;

/// <summary>
/// What a number measures, as a power of meters: 0 a plain number, 1 a length (m), 2 an area (m²).
/// The IR keeps only the value in meters or square meters, so the binder infers dimensions from the
/// units written and the metric functions, and checks them where a quantity is used (spec/language.md, Units).
/// </summary>
public readonly record struct Dimension(int MeterPower)
{
    public static Dimension Plain => new(0);
    public static Dimension Length => new(1);
    public static Dimension Area => new(2);

    public bool IsPlain => MeterPower == 0;

    /// <summary>The dimension of a unit name (<c>km</c> is a length, <c>ha</c> an area), or null for an unknown unit.</summary>
    public static Dimension? OfUnit(string unit) =>
        Units.ParseLength(unit) is not null ? Length : Units.ParseArea(unit) is not null ? Area : null;

    /// <summary>A plain number goes with any quantity (it is read in meters or square meters); two quantities must measure the same thing.</summary>
    public bool IsCompatibleWith(Dimension other) => IsPlain || other.IsPlain || this == other;

    /// <summary>The dimension of a sum or of a choice between two compatible values: the quantity's, if either is one.</summary>
    public Dimension CommonWith(Dimension other) => IsPlain ? other : this;

    public Dimension Times(Dimension other) => new(MeterPower + other.MeterPower);

    public Dimension Per(Dimension other) => new(MeterPower - other.MeterPower);

    /// <summary>For messages: "a plain number", "a length (meters)", "an area (square meters)".</summary>
    public string Describe() => MeterPower switch
    {
        0 => "a plain number",
        1 => "a length (meters)",
        2 => "an area (square meters)",
        _ => $"a quantity in m^{MeterPower}",
    };

    /// <summary>The units of this dimension, for hints.</summary>
    public string UnitList() => MeterPower switch
    {
        1 => "m, km, mi or ft",
        2 => "m2, km2, mi2 or ha",
        _ => "no unit",
    };
}
