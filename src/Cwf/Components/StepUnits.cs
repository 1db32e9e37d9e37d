using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components;

/// <summary>The units written in .cwf steps (<c>by 300 m</c>, <c>in km2</c>), checked for their kind.</summary>
internal static class StepUnits
{
    /// <summary>A distance in meters: <c>by 300 m</c>, <c>by @r km</c>, or a bare number of meters.</summary>
    public static Expr? ToMeters(StepBinding cx, Expr distance, ExpressionSyntax site, string? unit)
    {
        var written = site is QuantitySyntax q ? q.Unit : null;
        if (written is not null && unit is not null)
            return WrongUnit(cx, site, $"the distance already has a unit ({written}); remove '{unit}'");
        if ((written ?? unit) is { } spelling && Units.ParseLength(spelling) is null)
            return WrongUnit(cx, site, $"a distance needs a length unit (m, km, mi, ft), not {spelling}");
        // A quantity is already in meters; otherwise the step's unit (meters by default) applies.
        return written is not null ? distance : Units.ToMeters(distance, unit is null ? LengthUnit.Meters : Units.ParseLength(unit)!.Value);
    }

    /// <summary><c>in km2</c> (square meters when left out).</summary>
    public static AreaUnit? Area(StepBinding cx, SyntaxNode site, string? spelling)
    {
        if (spelling is null) return AreaUnit.SquareMeters;
        if (Units.ParseArea(spelling) is { } unit) return unit;
        WrongUnit(cx, site, $"an area needs an area unit (m2, km2, mi2, ha), not {spelling}");
        return null;
    }

    /// <summary><c>in km</c> (meters when left out).</summary>
    public static LengthUnit? Length(StepBinding cx, SyntaxNode site, string? spelling)
    {
        if (spelling is null) return LengthUnit.Meters;
        if (Units.ParseLength(spelling) is { } unit) return unit;
        WrongUnit(cx, site, $"a distance needs a length unit (m, km, mi, ft), not {spelling}");
        return null;
    }

    private static Expr? WrongUnit(StepBinding cx, SyntaxNode site, string message)
    {
        cx.Diagnostics.Report(DiagnosticCodes.WrongUnit, cx.Locate(site), message);
        return null;
    }
}
