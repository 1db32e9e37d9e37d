using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary><c>native.distance</c>: adds <c>distance</c> (float64), geodesic, in m, km or mi; <c>distance a, b [in km] [as d]</c>.</summary>
public sealed class DistanceComponent : StepComponent
{
    public override string Id => "native.distance";
    public override string Title => "Distance";
    public override ComponentCategory Category => ComponentCategory.GeographicTools;

    public override Seq<ComponentParameter> Parameters { get; } =
        [ComponentParameter.Column("geo1"), ComponentParameter.Column("geo2"), ComponentParameter.Selection("units", ComponentCatalog.LengthUnits, "Meters")];

    public override Seq<string> Keywords { get; } = ["distance"];
    public override ComponentDoc Doc { get; } = new("`distance geo1, geo2 [in km] [as name]`", "adds `distance` (m, km or mi)", "input + `distance` (float64)");

    public override void Lower(CanvasLoweringContext cx)
    {
        var v = cx.Values;
        if ((v.Column("geo1"), v.Column("geo2"), v.Selection("units")) is ({ } geo1, { } geo2, { } units) && !v.Failed)
            cx.Output("result", ComponentLowering.Distance(cx, cx.Input("source"), geo1, geo2, Units.ParseLength(units)!.Value, cx.Step));
    }

    public override StepSyntax Decompile(ComponentDecompilingContext cx) =>
        new DistanceStepSyntax(DecompiledSyntax.Name(cx.Values.Column("geo1")!.Name), DecompiledSyntax.Name(cx.Values.Column("geo2")!.Name),
            Units.Symbol(Units.ParseLength(cx.Values.Selection("units")!)!.Value));

    public override StepBinding? Bind(StepSyntax step, StepBinding cx)
    {
        var d = (DistanceStepSyntax)step;
        var from = cx.Column(d.From);
        var to = cx.Column(d.To);
        var unit = StepUnits.Length(cx, d, d.Unit);
        if (from is null || to is null || unit is null) return null;
        return cx.Next(ComponentLowering.Distance(cx.Lowering, cx.Node, from, to, unit.Value, cx.Step, d.Alias?.Name));
    }
}

public static partial class ComponentLowering
{
    /// <summary><c>native.distance</c>: adds <c>distance</c> (float64), geodesic, in the given unit.</summary>
    public static int? Distance(LoweringContext cx, int input, ColumnArg geo1, ColumnArg geo2, LengthUnit unit, StepInfo step, string? outputName = null)
    {
        var a = cx.ResolveGeography(input, geo1);
        var b = cx.ResolveGeography(input, geo2);
        if (a is null || b is null) return null;
        var meters = ExprFactory.Call(Functions.Distance, ExprFactory.Column(a), ExprFactory.Column(b));
        return cx.AddColumn(input, outputName ?? "distance", Units.FromMeters(meters, unit), step);
    }
}
