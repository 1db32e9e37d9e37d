using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.quadbinboundary</c>: adds <c>&lt;quadbin&gt;_geo</c>, the tile's polygon; <c>quadbin_boundary cell [as name]</c>.</summary>
public sealed class QuadbinBoundaryComponent : GenericStepComponent
{
    public override string Id => "native.quadbinboundary";
    public override string Title => "Quadbin boundary";
    public override ComponentCategory Category => ComponentCategory.SpatialIndexes;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("quadbin")];
    public override GenericStepForm Form { get; } = new("quadbin_boundary", ["quadbin"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = new("`quadbin_boundary cell [as name]`", "adds `<quadbin>_geo` = quadbin_boundary(quadbin)", "input + `<quadbin>_geo` (geography)");

    public override void Build(ComponentLoweringContext cx) =>
        ComponentLowering.CellColumn(cx, "quadbin", Functions.QuadbinBoundary, t => t == SqlType.Int64, "an int64 column of Quadbin cells", "_geo");
}
