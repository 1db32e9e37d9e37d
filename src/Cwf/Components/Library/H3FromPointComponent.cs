using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary><c>native.h3frompoint</c>: adds <c>h3</c>, the cell (string id) of a point at a resolution 0-15; <c>h3 geom resolution 8 [as cell]</c>.</summary>
public sealed class H3FromPointComponent : StepComponent
{
    public override string Id => "native.h3frompoint";
    public override string Title => "H3 from point";
    public override ComponentCategory Category => ComponentCategory.SpatialIndexes;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("pointscol"), new("resolution", ParameterKind.Integer)];
    public override Seq<string> Keywords { get; } = ["h3"];
    public override ComponentDoc Doc { get; } = new("`h3 geo resolution 8 [as name]`", "adds `h3`", "input + `h3` (string)");

    public override void Lower(CanvasLoweringContext cx)
    {
        if ((cx.Values.Column("pointscol"), cx.Values.Integer("resolution")) is ({ } point, { } resolution) && !cx.Values.Failed)
            cx.Output("result", ComponentLowering.H3FromPoint(cx, cx.Input("source"), point, resolution, cx.Values.LocationOf("resolution"), cx.Step));
    }

    public override StepSyntax Decompile(ComponentDecompilingContext cx) =>
        new H3StepSyntax(DecompiledSyntax.Name(cx.Values.Column("pointscol")!.Name), ExprSyntaxWriter.Write(cx.Values.Integer("resolution")!));

    public override StepBinding? Bind(StepSyntax step, StepBinding cx)
    {
        var h = (H3StepSyntax)step;
        var point = cx.Column(h.Point);
        var resolution = cx.Scalar(h.Resolution, "an H3 resolution");
        if (point is null || resolution is null) return null;
        return cx.Next(ComponentLowering.H3FromPoint(cx.Lowering, cx.Node, point, resolution, cx.Locate(h.Resolution), cx.Step, h.Alias?.Name));
    }

    public override void Check(StepSyntax step, StepBinding open) => open.Scalar(((H3StepSyntax)step).Resolution, "this step");
}

public static partial class ComponentLowering
{
    /// <summary><c>native.h3frompoint</c>: adds <c>h3</c> (string cell id) at a resolution 0-15.</summary>
    public static int? H3FromPoint(LoweringContext cx, int input, ColumnArg point, Expr resolution, Location resolutionLocation, StepInfo step, string? outputName = null)
    {
        var g = cx.ResolveGeography(input, point);
        if (!ValidResolution(cx, resolution, resolutionLocation, 15, DiagnosticCodes.InvalidResolution, "H3", "typical values: 7 (about 5 km²) to 10 (about 0.015 km²)"))
            return null;
        if (g is null) return null;
        return cx.AddColumn(input, outputName ?? "h3", ExprFactory.Call(Functions.H3FromPoint, ExprFactory.Column(g), resolution), step);
    }

    /// <summary>
    /// Whether a grid resolution is an integer literal from 0 to <paramref name="max"/> or an int64 parameter
    /// (checked where the program runs); reports <paramref name="code"/> when it is not.
    /// </summary>
    public static bool ValidResolution(LoweringContext cx, Expr resolution, Location location, int max, DiagnosticDescriptor code, string grid, string hint)
    {
        bool valid = resolution switch
        {
            Literal { Value: long r } => r >= 0 && r <= max,
            ParamRef { Type: SqlType.Int64 } => true,
            _ => false,
        };
        if (!valid)
            cx.Diagnostics.Report(code, location, $"the {grid} resolution must be an integer from 0 to {max}, found {resolution}", hint);
        return valid;
    }
}
