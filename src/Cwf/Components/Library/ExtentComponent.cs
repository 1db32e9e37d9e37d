using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary><c>native.extent</c>: one row, <c>geom</c>, the bounding box of the whole table's geographies; <c>extent geo [as name]</c>.</summary>
public sealed class ExtentComponent : GeographyAggregateComponent
{
    public override string Id => "native.extent";
    public override string Title => "Extent";
    public override ComponentCategory Category => ComponentCategory.SpatialOperations;
    public override Seq<ComponentParameter> Parameters { get; } = [ComponentParameter.Column("geo")];
    public override GenericStepForm Form { get; } = new("extent", ["geo"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = new("`extent geo [as name]`", "`Aggregate` without keys of `st_extent(geo)`", "one row: `geom` (geography)");
    protected override string GeographyParameter => "geo";
    protected override AggregateFunction Function => AggregateFunction.Extent;
    protected override string ResultName(Column geography) => "geom";
}
