using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.quadbincenter</c>: adds <c>&lt;quadbin&gt;_center</c>, the tile's center point; <c>quadbin_center cell [as name]</c>.</summary>
public sealed class QuadbinCenterComponent : GenericStepComponent
{
    public override string Id => "native.quadbincenter";
    public override string Title => "Quadbin center";
    public override ComponentCategory Category => ComponentCategory.SpatialIndexes;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("quadbin")];
    public override GenericStepForm Form { get; } = new("quadbin_center", ["quadbin"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = new("`quadbin_center cell [as name]`", "adds `<quadbin>_center` = quadbin_center(quadbin)", "input + `<quadbin>_center` (geography)");

    public override void Build(ComponentLoweringContext cx) =>
        ComponentLowering.CellColumn(cx, "quadbin", Functions.QuadbinCenter, t => t == SqlType.Int64, "an int64 column of Quadbin cells", "_center");
}
