using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.dissolve</c>: the union of the geographies of each group of the key columns (of the whole
/// table without keys), named as the geography column; <c>dissolve geo[, k1, k2] [as name]</c>.
/// </summary>
public sealed class DissolveComponent : GeographyAggregateComponent
{
    public override string Id => "native.dissolve";
    public override string Title => "Dissolve";
    public override ComponentCategory Category => ComponentCategory.SpatialOperations;
    public override Seq<ComponentParameter> Parameters { get; } =
        [ComponentParameter.Column("geo"), new("groupby", ParameterKind.ColumnList, Required: false, Parent: "source")];
    public override GenericStepForm Form { get; } = new("dissolve", ["geo", "groupby"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = new("`dissolve geo[, k1, k2] [as name]`", "`Aggregate` by the keys of `st_union_agg(geo)`", "keys, then `<geo>` (the union, geography)");
    protected override string GeographyParameter => "geo";
    protected override AggregateFunction Function => AggregateFunction.Union;
    protected override string ResultName(Column geography) => geography.Name;
}
