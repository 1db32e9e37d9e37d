using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.xycoords</c>: adds <c>&lt;geo&gt;_x</c> and <c>&lt;geo&gt;_y</c>, the longitude and latitude of a point column; <c>xycoords geo</c>.</summary>
public sealed class XyCoordsComponent : GenericStepComponent
{
    public override string Id => "native.xycoords";
    public override string Title => "X/Y coordinates";
    public override ComponentCategory Category => ComponentCategory.GeographicTools;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo")];
    public override GenericStepForm Form { get; } = new("xycoords", ["geo"]);
    public override ComponentDoc Doc { get; } = new("`xycoords geo`", "adds `<geo>_x` = `st_x(geo)`, `<geo>_y` = `st_y(geo)`", "input + `<geo>_x`, `<geo>_y` (float64)");

    public override void Build(ComponentLoweringContext cx)
    {
        int source = cx.Input("source");
        if (cx.Values.Column("geo") is not { } geo || cx.ResolveGeography(source, geo) is not { } g) return;
        var withX = cx.AddColumn(source, g.Name + "_x", ExprFactory.Call(Functions.X, ExprFactory.Column(g)), cx.Step);
        if (withX is not { } x) return;
        var column = cx.Builder.SchemaOf(x).Find(g.Name)!;
        cx.Output("result", cx.AddColumn(x, g.Name + "_y", ExprFactory.Call(Functions.Y, ExprFactory.Column(column)), cx.Step));
    }
}
