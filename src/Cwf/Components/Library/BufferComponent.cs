using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary><c>native.buffer</c>: adds <c>&lt;geo&gt;_buffer</c>, the geodesic buffer of a distance; <c>buffer geom by 300 m [as zone]</c>.</summary>
public sealed class BufferComponent : StepComponent
{
    public override string Id => "native.buffer";
    public override string Title => "Buffer";
    public override ComponentCategory Category => ComponentCategory.SpatialOperations;

    public override Seq<ComponentParameter> Parameters { get; } =
    [
        ComponentParameter.Column("geo"), new("distance", ParameterKind.Number),
        ComponentParameter.Selection("units", ComponentCatalog.LengthUnits, "Meters"),
    ];

    public override Seq<string> Keywords { get; } = ["buffer"];

    public override ComponentDoc Doc { get; } = new(
        "`buffer geo by 300 m [as name]` (Meters `m`, Kilometers `km`, Miles `mi`)",
        "`Project` adding `<geo>_buffer` = `st_buffer(geo, meters)`",
        "input + `<geo>_buffer`");

    public override void Lower(CanvasLoweringContext cx)
    {
        var v = cx.Values;
        if ((v.Column("geo"), v.Number("distance"), v.Selection("units")) is ({ } geo, { } distance, { } units) && !v.Failed)
            cx.Output("result", ComponentLowering.Buffer(cx, cx.Input("source"), geo, Units.ToMeters(distance, Units.ParseLength(units)!.Value),
                v.LocationOf("distance"), cx.Step));
    }

    public override StepSyntax Decompile(ComponentDecompilingContext cx) =>
        new BufferStepSyntax(DecompiledSyntax.Name(cx.Values.Column("geo")!.Name), ExprSyntaxWriter.Write(cx.Values.Number("distance")!),
            Units.Symbol(Units.ParseLength(cx.Values.Selection("units")!)!.Value));

    public override StepBinding? Bind(StepSyntax step, StepBinding cx)
    {
        var b = (BufferStepSyntax)step;
        var geo = cx.Column(b.Geography);
        var meters = cx.Length(b.Distance, b.Unit, "a buffer distance");
        if (geo is null || meters is null) return null;
        return cx.Next(ComponentLowering.Buffer(cx.Lowering, cx.Node, geo, meters, cx.Locate(b.Distance), cx.Step, b.Alias?.Name));
    }

    public override void Check(StepSyntax step, StepBinding open) => open.Scalar(((BufferStepSyntax)step).Distance, "this step");
}

public static partial class ComponentLowering
{
    /// <summary><c>native.buffer</c>: adds <c>&lt;geo&gt;_buffer</c> = geodesic buffer of the given distance (in meters after conversion).</summary>
    public static int? Buffer(LoweringContext cx, int input, ColumnArg geo, Expr distanceMeters, Location distanceLocation, StepInfo step, string? outputName = null)
    {
        var g = cx.ResolveGeography(input, geo);
        if (!distanceMeters.Type.IsNumeric() && distanceMeters.Type != SqlType.Unknown)
        {
            cx.Diagnostics.Report(DiagnosticCodes.InvalidDistance, distanceLocation,
                $"the buffer distance is {distanceMeters.Type.Name()}, not a number", "write a number with a unit, e.g. 300 m");
            return null;
        }
        if (g is null) return null;
        return cx.AddColumn(input, outputName ?? g.Name + "_buffer", ExprFactory.Call(Functions.Buffer, ExprFactory.Column(g), distanceMeters), step);
    }
}
