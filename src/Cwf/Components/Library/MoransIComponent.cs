using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.moransi</c>: global Moran's I (spatial autocorrelation) of a value over an H3 or Quadbin grid, through the
/// CARTO Analytics Toolbox's <c>MORANS_I_H3_TABLE</c> / <c>MORANS_I_QUADBIN_TABLE</c> (<see cref="GridStatistic"/>;
/// BigQuery, CWF6002 elsewhere, CWF7800 in process). No export or documentation page shows the columns of the table
/// the procedure writes, so the step's schema is open (CWF2812). <c>moransi h3, counts { decay: 'exponential', size: 1 }</c>.
/// </summary>
public sealed class MoransIComponent : GenericStepComponent
{
    public override string Id => "native.moransi";
    public override string Title => "Moran's I";
    public override ComponentCategory Category => ComponentCategory.SpatialAnalysis;
    public override Seq<ComponentParameter> Parameters => GridStatistic.MoransIParameters;
    public override GenericStepForm Form { get; } = new("moransi", ["indexcol", "valuecol"]);
    public override ComponentDoc Doc { get; } = new(
        "`moransi h3, value { decay: 'exponential', size: 1 }`",
        "`Opaque` calling the toolbox's `MORANS_I_H3_TABLE` / `MORANS_I_QUADBIN_TABLE(input, output, index, value, size, decay)`",
        "the procedure's table; its columns are undocumented: open schema (CWF2812)");

    public override void Build(ComponentLoweringContext cx)
    {
        int source = cx.Input("source");
        if (GridStatistic.Read(cx, source, "Moran's I") is not { } read || cx.Values.Selection("decay") is not { } decay) return;
        GridStatistic.Output(cx, Id, source, "MORANS_I", "https://docs.carto.com/data-and-analysis/analytics-toolbox-for-bigquery/sql-reference/statistics#morans_i_h3_table",
            read, [new ToolboxArgument.Text(decay)], null);
    }
}
