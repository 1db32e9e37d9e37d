using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary><c>native.geogpoint</c>: adds <c>geom</c> = point(longitude, latitude); <c>point lat = y, lon = x [as p]</c>.</summary>
public sealed class GeogPointComponent : StepComponent
{
    public override string Id => "native.geogpoint";
    public override string Title => "Point from lat/lon";
    public override ComponentCategory Category => ComponentCategory.Parsers;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("latitude"), ComponentParameter.Column("longitude")];
    public override Seq<string> Keywords { get; } = ["point"];
    public override ComponentDoc Doc { get; } = new("`point lat = latitude, lon = longitude [as name]`", "adds `geom` = `st_point(lon, lat)`", "input + `geom`");

    public override void Lower(CanvasLoweringContext cx)
    {
        if ((cx.Values.Column("latitude"), cx.Values.Column("longitude")) is ({ } lat, { } lon) && !cx.Values.Failed)
            cx.Output("result", ComponentLowering.GeogPoint(cx, cx.Input("source"), lat, lon, cx.Step));
    }

    public override StepSyntax Decompile(ComponentDecompilingContext cx) =>
        new PointStepSyntax(DecompiledSyntax.Name(cx.Values.Column("latitude")!.Name), DecompiledSyntax.Name(cx.Values.Column("longitude")!.Name));

    public override StepBinding? Bind(StepSyntax step, StepBinding cx)
    {
        var p = (PointStepSyntax)step;
        var lat = cx.Column(p.Latitude);
        var lon = cx.Column(p.Longitude);
        if (lat is null || lon is null) return null;
        return cx.Next(ComponentLowering.GeogPoint(cx.Lowering, cx.Node, lat, lon, cx.Step, p.Alias?.Name));
    }
}

public static partial class ComponentLowering
{
    /// <summary><c>native.geogpoint</c>: adds <c>geom</c> = point(longitude, latitude).</summary>
    public static int? GeogPoint(LoweringContext cx, int input, ColumnArg latitude, ColumnArg longitude, StepInfo step, string? outputName = null)
    {
        var lat = cx.ResolveNumeric(input, latitude);
        var lon = cx.ResolveNumeric(input, longitude);
        if (lat is null || lon is null) return null;
        return cx.AddColumn(input, outputName ?? "geom", ExprFactory.Call(Functions.Point, ExprFactory.Column(lon), ExprFactory.Column(lat)), step);
    }
}
