using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.localmoransi</c>: local Moran's I (clusters and outliers) of a value over an H3 or Quadbin grid, through
/// the CARTO Analytics Toolbox's <c>LOCAL_MORANS_I_H3_TABLE</c> / <c>LOCAL_MORANS_I_QUADBIN_TABLE</c>
/// (<see cref="GridStatistic"/>; BigQuery, CWF6002 elsewhere, CWF7800 in process). The step's rows are one per cell:
/// <c>index</c>, <c>value</c> (the statistic), <c>psim</c> (its pseudo p-value), <c>quad</c> (1 HH, 2 LL, 3 LH, 4 HL).
/// <c>localmoransi h3, counts { decay: 'inverse', size: 2, permutations: 99 }</c>.
/// </summary>
public sealed class LocalMoransIComponent : GenericStepComponent
{
    public override string Id => "native.localmoransi";
    public override string Title => "Local Moran's I";
    public override ComponentCategory Category => ComponentCategory.SpatialAnalysis;
    public override Seq<ComponentParameter> Parameters { get; } =
        [.. GridStatistic.MoransIParameters, new("permutations", ParameterKind.Integer, Required: false, Default: "99")];
    public override GenericStepForm Form { get; } = new("localmoransi", ["indexcol", "valuecol"]);
    public override ComponentDoc Doc { get; } = new(
        "`localmoransi h3, value { decay: 'inverse', size: 2, permutations: 99 }`",
        "`Opaque` calling the toolbox's `LOCAL_MORANS_I_H3_TABLE` / `LOCAL_MORANS_I_QUADBIN_TABLE(input, output, index, value, size, decay, permutations)`",
        "`index` (the cell), `value` (float64), `psim` (float64), `quad` (int64)");

    public override void Build(ComponentLoweringContext cx)
    {
        var v = cx.Values;
        int source = cx.Input("source");
        if (GridStatistic.Read(cx, source, "local Moran's I") is not { } read || (v.Selection("decay"), v.Integer("permutations")) is not ({ } decay, { } permutations)) return;
        if (permutations is not Literal { Value: long n } || n < 1)
        {
            cx.Diagnostics.Report(DiagnosticCodes.GridStatisticValue, v.LocationOf("permutations"),
                "the number of permutations of local Moran's I must be a constant whole number of at least 1: the toolbox procedure takes it as a literal",
                "write a number such as 99");
            return;
        }
        GridStatistic.Output(cx, Id, source, "LOCAL_MORANS_I", "https://docs.carto.com/data-and-analysis/analytics-toolbox-for-bigquery/sql-reference/statistics#local_morans_i_h3_table",
            read, [new ToolboxArgument.Text(decay), new ToolboxArgument.Integer(n)],
            [new Column("value", SqlType.Float64, Nullable: true), new Column("psim", SqlType.Float64, Nullable: true), new Column("quad", SqlType.Int64, Nullable: true)]);
    }
}
