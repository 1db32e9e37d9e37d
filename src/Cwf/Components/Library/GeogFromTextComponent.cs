using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.geogfromtext</c>: adds <c>&lt;text&gt;_geo</c>, the geography a well-known text column describes (repaired when invalid); <c>geogfromtext text [as name]</c>.</summary>
public sealed class GeogFromTextComponent : GenericStepComponent
{
    public override string Id => "native.geogfromtext";
    public override string Title => "Geography from text";
    public override ComponentCategory Category => ComponentCategory.Parsers;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("text")];
    public override GenericStepForm Form { get; } = new("geogfromtext", ["text"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = new("`geogfromtext text [as name]`", "adds `<text>_geo` = `st_geogfromtext(text)`", "input + `<text>_geo` (geography)");

    public override void Build(ComponentLoweringContext cx)
    {
        int source = cx.Input("source");
        if (cx.Values.Column("text") is not { } text || cx.Resolve(source, text, t => t == SqlType.String, "a string column") is not { } t) return;
        cx.Output("result", cx.AddColumn(source, cx.OutputName ?? t.Name + "_geo", ExprFactory.Call(Functions.GeogFromText, ExprFactory.Column(t)), cx.Step));
    }
}
