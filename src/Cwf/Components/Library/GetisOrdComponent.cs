using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.getisord</c>: the Getis-Ord Gi* hot-spot statistic of a value over an H3 or Quadbin grid, through the
/// CARTO Analytics Toolbox's <c>GETIS_ORD_H3_TABLE</c> / <c>GETIS_ORD_QUADBIN_TABLE</c> (<see cref="GridStatistic"/>;
/// BigQuery, CWF6002 elsewhere, CWF7800 in process). The step's rows are one per cell: <c>index</c>, <c>gi</c>,
/// <c>p_value</c>. <c>getisord h3, score { kernel: 'gaussian', size: 3 }</c>.
/// </summary>
public sealed class GetisOrdComponent : GenericStepComponent
{
    public override string Id => "native.getisord";
    public override string Title => "Getis-Ord";
    public override ComponentCategory Category => ComponentCategory.SpatialAnalysis;
    public override Seq<ComponentParameter> Parameters { get; } =
    [
        ComponentParameter.Column("indexcol"), ComponentParameter.Column("valuecol"),
        ComponentParameter.Selection("kernel", ["uniform", "triangular", "quadratic", "quartic", "gaussian"], "uniform"),
        new("size", ParameterKind.Integer, Required: false, Default: "3"),
    ];
    public override GenericStepForm Form { get; } = new("getisord", ["indexcol", "valuecol"]);
    public override ComponentDoc Doc { get; } = new(
        "`getisord h3, value { kernel: 'gaussian', size: 3 }`",
        "`Opaque` calling the toolbox's `GETIS_ORD_H3_TABLE` / `GETIS_ORD_QUADBIN_TABLE(input, output, index, value, size, kernel)`",
        "`index` (the cell), `gi` (float64), `p_value` (float64)");

    public override void Build(ComponentLoweringContext cx)
    {
        int source = cx.Input("source");
        if (GridStatistic.Read(cx, source, "Getis-Ord") is not { } read || cx.Values.Selection("kernel") is not { } kernel) return;
        GridStatistic.Output(cx, Id, source, "GETIS_ORD", "https://docs.carto.com/data-and-analysis/analytics-toolbox-for-bigquery/sql-reference/statistics#getis_ord_h3_table",
            read, [new ToolboxArgument.Text(kernel)],
            [new Column("gi", SqlType.Float64, Nullable: true), new Column("p_value", SqlType.Float64, Nullable: true)]);
    }
}
