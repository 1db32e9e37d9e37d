using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components;

/// <summary>The units written in .cwf steps (<c>by 300 m</c>, <c>in km2</c>), checked for their kind.</summary>
internal static class StepUnits
{
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
