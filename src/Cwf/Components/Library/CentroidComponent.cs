using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary><c>native.centroid</c>: adds <c>&lt;geo&gt;_centroid</c>; <c>centroid geom [as c]</c>.</summary>
public sealed class CentroidComponent : StepComponent
{
    public override string Id => "native.centroid";
    public override string Title => "Centroid";
    public override ComponentCategory Category => ComponentCategory.SpatialOperations;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo")];
    public override Seq<string> Keywords { get; } = ["centroid"];
    public override ComponentDoc Doc { get; } = new("`centroid geo [as name]`", "adds `<geo>_centroid`", "input + `<geo>_centroid`");

    public override void Lower(CanvasLoweringContext cx)
    {
        if (cx.Values.Column("geo") is { } geo) cx.Output("result", ComponentLowering.Centroid(cx, cx.Input("source"), geo, cx.Step));
    }

    public override StepSyntax Decompile(ComponentDecompilingContext cx) => new CentroidStepSyntax(DecompiledSyntax.Name(cx.Values.Column("geo")!.Name));

    public override StepBinding? Bind(StepSyntax step, StepBinding cx)
    {
        var c = (CentroidStepSyntax)step;
        return cx.Column(c.Geography) is { } geo ? cx.Next(ComponentLowering.Centroid(cx.Lowering, cx.Node, geo, cx.Step, c.Alias?.Name)) : null;
    }
}

public static partial class ComponentLowering
{
    /// <summary><c>native.centroid</c>: adds <c>&lt;geo&gt;_centroid</c>.</summary>
    public static int? Centroid(LoweringContext cx, int input, ColumnArg geo, StepInfo step, string? outputName = null) =>
        cx.ResolveGeography(input, geo) is { } g
            ? cx.AddColumn(input, outputName ?? g.Name + "_centroid", ExprFactory.Call(Functions.Centroid, ExprFactory.Column(g)), step)
            : null;
}
