using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.dump</c>: one row per simple part of the geography column, which then holds the part, the other
/// columns repeated; a row whose geography is NULL or empty gives none. <c>dump geo [as name]</c>: with a name,
/// the part goes to that column and the geography column stays.
/// </summary>
public sealed class DumpComponent : GenericStepComponent
{
    public override string Id => "native.dump";
    public override string Title => "Dump";
    public override ComponentCategory Category => ComponentCategory.GeographicTools;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo")];
    public override GenericStepForm Form { get; } = new("dump", ["geo"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = new(
        "`dump geo [as name]`",
        "`Explode` (parts of `geo`) into `geo`, or into `name`",
        "input, one row per part, `geo` (or `name`) a simple part (geography)");

    public override void Build(ComponentLoweringContext cx)
    {
        int source = cx.Input("source");
        if (cx.Values.Column("geo") is not { } geo || cx.ResolveGeography(source, geo) is not { } g || cx.Values.Failed) return;
        cx.Output("result", cx.Builder.Explode(source, ExprFactory.Column(g), cx.OutputName ?? g.Name, ExplodeKind.GeometryParts, cx.Step.Name, cx.Step.Origin).Id);
    }
}
