using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary><c>native.h3boundary</c>: adds <c>&lt;h3&gt;_geo</c>, the cell's polygon; <c>h3_boundary h3 [as poly]</c>.</summary>
public sealed class H3BoundaryComponent : StepComponent
{
    public override string Id => "native.h3boundary";
    public override string Title => "H3 boundary";
    public override ComponentCategory Category => ComponentCategory.SpatialIndexes;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("h3")];
    public override Seq<string> Keywords { get; } = ["h3_boundary"];
    public override ComponentDoc Doc { get; } = new("`h3_boundary cell [as name]`", "adds `<h3>_geo`", "input + `<cell>_geo`");

    public override void Lower(CanvasLoweringContext cx)
    {
        if (cx.Values.Column("h3") is { } cell) cx.Output("result", ComponentLowering.H3Boundary(cx, cx.Input("source"), cell, cx.Step));
    }

    public override StepSyntax Decompile(ComponentDecompilingContext cx) => new H3BoundaryStepSyntax(DecompiledSyntax.Name(cx.Values.Column("h3")!.Name));

    public override StepBinding? Bind(StepSyntax step, StepBinding cx)
    {
        var h = (H3BoundaryStepSyntax)step;
        return cx.Column(h.Cell) is { } cell ? cx.Next(ComponentLowering.H3Boundary(cx.Lowering, cx.Node, cell, cx.Step, h.Alias?.Name)) : null;
    }
}

public static partial class ComponentLowering
{
    /// <summary><c>native.h3boundary</c>: adds <c>&lt;h3&gt;_geo</c>, the cell's polygon.</summary>
    public static int? H3Boundary(LoweringContext cx, int input, ColumnArg cell, StepInfo step, string? outputName = null) =>
        cx.Resolve(input, cell, t => t == SqlType.String, "a string column of H3 cell ids") is { } c
            ? cx.AddColumn(input, outputName ?? c.Name + "_geo", ExprFactory.Call(Functions.H3Boundary, ExprFactory.Column(c)), step)
            : null;
}
