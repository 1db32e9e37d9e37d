using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.makeline</c>: the line through each group's points in the order of a column (ties: by the
/// points' coordinates), <c>&lt;pointscol&gt;_makeline</c>; <c>makeline pointscol, ordercol[, k1, k2] [as name]</c>.
/// </summary>
public sealed class MakeLineComponent : GeographyAggregateComponent
{
    public override string Id => "native.makeline";
    public override string Title => "Make line";
    public override ComponentCategory Category => ComponentCategory.GeographicTools;
    public override Seq<ComponentParameter> Parameters { get; } =
        [ComponentParameter.Column("pointscol"), ComponentParameter.Column("ordercol"), new("groupby", ParameterKind.ColumnList, Required: false, Parent: "source")];
    public override GenericStepForm Form { get; } = new("makeline", ["pointscol", "ordercol", "groupby"], NamesColumn: true);
    public override ComponentDoc Doc { get; } = new("`makeline pointscol, ordercol[, k1, k2] [as name]`", "`Aggregate` by the keys of `st_makeline_agg(pointscol order by ordercol)`",
        "keys, then `<pointscol>_makeline` (geography)");
    protected override string GeographyParameter => "pointscol";
    protected override AggregateFunction Function => AggregateFunction.MakeLine;
    protected override string ResultName(Column geography) => geography.Name + "_makeline";

    protected override Seq<WindowKey>? Order(ComponentLoweringContext cx, int source, Expr geography)
    {
        if (cx.Values.Column("ordercol") is not { } arg || cx.Resolve(source, arg) is not { } order) return null;
        if (!order.Type.IsComparable())
        {
            cx.Diagnostics.Report(Diagnostics.DiagnosticCodes.NotComparable, arg.Location, $"cannot order the points by the geography column '{order.Name}'", "order them by a time or sequence column");
            return null;
        }
        return AggregateCall.LineOrder(geography, [new WindowKey(ExprFactory.Column(order), false, false)]);
    }
}
