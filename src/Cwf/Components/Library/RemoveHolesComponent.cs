using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.removeholes</c>: adds <c>&lt;geo&gt;_noholes</c>, polygons without their holes; removeholes geo [as name].</summary>
public sealed class RemoveHolesComponent : GeographyColumnComponent
{
    public override string Id => "native.removeholes";
    public override string Title => "Remove holes";
    public override ComponentCategory Category => ComponentCategory.GeographicTools;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo")];
    public override GenericStepForm Form { get; } = new("removeholes", ["geo"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = Documented("`removeholes geo [as name]`", "noholes", "`st_removeholes(geo)`", "geography");
    protected override string Suffix => "noholes";

    protected override Expr? Compute(IComponentValues values, Expr geo) =>
        ExprFactory.Call(Functions.RemoveHoles, geo);
}
