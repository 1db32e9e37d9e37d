using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.boundary</c>: adds <c>&lt;geo&gt;_boundary</c>, the boundary; boundary geo [as name].</summary>
public sealed class BoundaryComponent : GeographyColumnComponent
{
    public override string Id => "native.boundary";
    public override string Title => "Boundary";
    public override ComponentCategory Category => ComponentCategory.GeographicTools;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo")];
    public override GenericStepForm Form { get; } = new("boundary", ["geo"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = Documented("`boundary geo [as name]`", "boundary", "`st_boundary(geo)`", "geography");
    protected override string Suffix => "boundary";

    protected override Expr? Compute(IComponentValues values, Expr geo) =>
        ExprFactory.Call(Functions.Boundary, geo);
}
