using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.snaptogrid</c>: adds <c>&lt;geo&gt;_snapped</c>, vertices snapped to a grid of the size in degrees; snaptogrid geo, size [as name].</summary>
public sealed class SnapToGridComponent : GeographyColumnComponent
{
    public override string Id => "native.snaptogrid";
    public override string Title => "Snap to grid";
    public override ComponentCategory Category => ComponentCategory.SpatialOperations;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo"), new("size", ParameterKind.Number)];
    public override GenericStepForm Form { get; } = new("snaptogrid", ["geo", "size"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = Documented("`snaptogrid geo, size [as name]`", "snapped", "`st_snaptogrid(geo, size)` (degrees)", "geography");
    protected override string Suffix => "snapped";

    protected override Expr? Compute(IComponentValues values, Expr geo) =>
        values.Number("size") is { } size ? ExprFactory.Call(Functions.SnapToGrid, geo, size) : null;
}
