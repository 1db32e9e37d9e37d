using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary><c>native.area</c>: adds <c>&lt;geo&gt;_area</c> (float64), geodesic, in m² or km²; <c>area geom [in km2] [as a]</c>.</summary>
public sealed class AreaComponent : StepComponent
{
    public override string Id => "native.area";
    public override string Title => "Area";
    public override ComponentCategory Category => ComponentCategory.SpatialOperations;

    public override Seq<ComponentParameter> Parameters { get; } =
        [ComponentParameter.Column("geo"), ComponentParameter.Selection("units", ["Square meters", "Square kilometers"], "Square meters")];

    public override Seq<string> Keywords { get; } = ["area"];

    public override ComponentDoc Doc { get; } = new(
        "`area geo [in km2] [as name]` (Square meters `m2`, Square kilometers `km2`)",
        "adds `<geo>_area` (m² or km²)",
        "input + `<geo>_area` (float64)");

    public override void Lower(CanvasLoweringContext cx)
    {
        if ((cx.Values.Column("geo"), cx.Values.Selection("units")) is ({ } geo, { } units) && !cx.Values.Failed)
            cx.Output("result", ComponentLowering.Area(cx, cx.Input("source"), geo, Units.ParseArea(units)!.Value, cx.Step));
    }

    public override StepSyntax Decompile(ComponentDecompilingContext cx) =>
        new AreaStepSyntax(DecompiledSyntax.Name(cx.Values.Column("geo")!.Name), Units.Symbol(Units.ParseArea(cx.Values.Selection("units")!)!.Value));

    public override StepBinding? Bind(StepSyntax step, StepBinding cx)
    {
        var a = (AreaStepSyntax)step;
        var geo = cx.Column(a.Geography);
        var unit = StepUnits.Area(cx, a, a.Unit);
        if (geo is null || unit is null) return null;
        return cx.Next(ComponentLowering.Area(cx.Lowering, cx.Node, geo, unit.Value, cx.Step, a.Alias?.Name));
    }
}

public static partial class ComponentLowering
{
    /// <summary><c>native.area</c>: adds <c>&lt;geo&gt;_area</c> (float64) in the given unit.</summary>
    public static int? Area(LoweringContext cx, int input, ColumnArg geo, AreaUnit unit, StepInfo step, string? outputName = null) =>
        cx.ResolveGeography(input, geo) is { } g
            ? cx.AddColumn(input, outputName ?? g.Name + "_area", Units.FromSquareMeters(ExprFactory.Call(Functions.Area, ExprFactory.Column(g)), unit), step)
            : null;
}
