using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary><c>native.geogfromstatictext</c>: one row, <c>geo</c> = the geography of a WKT text; a values source in .cwf.</summary>
public sealed class GeogFromStaticTextComponent : SourceComponent
{
    public override string Id => "native.geogfromstatictext";
    public override string Title => "Geography from static text";
    public override ComponentCategory Category => ComponentCategory.GeographicTools;
    public override Seq<ComponentParameter> Parameters { get; } = [new("text", ParameterKind.String)];

    public override ComponentDoc Doc { get; } = new(
        "`source name = values { geo: geography not null } [(st_geogfromtext('WKT'))]`",
        "`Values`: one row, `st_geogfromtext(text)`",
        "`geo`");

    public override void Lower(CanvasLoweringContext cx)
    {
        if (cx.Values.Text("text") is not { } text || cx.Values.Failed) return;
        cx.Output("result", ComponentLowering.OneGeography(cx, ExprFactory.Call(Functions.GeogFromText, Literal.String(text)), cx.Step));
    }

    public override StatementSyntax Decompile(ComponentDecompilingContext cx) => ComponentLowering.DecompileValues(cx, "result");
}
