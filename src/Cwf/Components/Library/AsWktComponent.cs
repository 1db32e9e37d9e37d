using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.aswkt</c>: adds <c>&lt;geo&gt;_wkt</c>, the well-known text; aswkt geo [as name].</summary>
public sealed class AsWktComponent : GeographyColumnComponent
{
    public override string Id => "native.aswkt";
    public override string Title => "As WKT";
    public override ComponentCategory Category => ComponentCategory.Parsers;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo")];
    public override GenericStepForm Form { get; } = new("aswkt", ["geo"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = Documented("`aswkt geo [as name]`", "wkt", "`st_astext(geo)`", "string");
    protected override string Suffix => "wkt";

    protected override Expr? Compute(IComponentValues values, Expr geo) =>
        ExprFactory.Call(Functions.AsText, geo);
}
