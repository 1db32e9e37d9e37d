using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.h3center</c>: adds <c>&lt;h3col&gt;_center</c>, the center point of each H3 cell; <c>h3_center h3 [as name]</c>.</summary>
public sealed class H3CenterComponent : GenericStepComponent
{
    public override string Id => "native.h3center";
    public override string Title => "H3 center";
    public override ComponentCategory Category => ComponentCategory.SpatialIndexes;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("h3col")];
    public override GenericStepForm Form { get; } = new("h3_center", ["h3col"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = new("`h3_center cell [as name]`", "adds `<h3col>_center` = h3_center(h3col)", "input + `<h3col>_center` (geography)");

    public override void Build(ComponentLoweringContext cx) =>
        ComponentLowering.CellColumn(cx, "h3col", Functions.H3Center, t => t == SqlType.String, "a string column of H3 cell ids", "_center");
}

public static partial class ComponentLowering
{
    /// <summary>
    /// A generic step that adds <c>&lt;cell&gt;&lt;suffix&gt;</c> = <paramref name="function"/>(cell) for the cell column
    /// <paramref name="parameter"/> (H3 center, Quadbin boundary and center).
    /// </summary>
    public static void CellColumn(ComponentLoweringContext cx, string parameter, BuiltinFunction function, Func<SqlType, bool> accepts, string expected, string suffix)
    {
        int source = cx.Input("source");
        if (cx.Values.Column(parameter) is not { } arg || cx.Values.Failed || cx.Resolve(source, arg, accepts, expected) is not { } cell) return;
        cx.Output("result", cx.AddColumn(source, cx.OutputName ?? cell.Name + suffix, ExprFactory.Call(function, ExprFactory.Column(cell)), cx.Step));
    }
}
