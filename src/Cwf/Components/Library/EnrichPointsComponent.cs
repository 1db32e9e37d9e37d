using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.enrichpoints</c>: the target points with the source's columns aggregated over the source features
/// each intersects, through the CARTO Analytics Toolbox's <c>ENRICH_POINTS</c> (BigQuery, Snowflake, Redshift, Databricks; CWF6002
/// elsewhere; CWF7800 in process). <c>enrichpoints census, geom, geom, sum(population)</c>.
/// </summary>
public sealed class EnrichPointsComponent : GenericStepComponent
{
    public override string Id => "native.enrichpoints";
    public override string Title => "Enrich points";
    public override ComponentCategory Category => ComponentCategory.SpatialAnalysis;
    public override Seq<ComponentPort> Inputs => Enrichment.Inputs;
    public override Seq<ComponentParameter> Parameters => Enrichment.Parameters;
    public override GenericStepForm Form { get; } = new("enrichpoints", ["source", "target_col", "source_col", "variables"]);
    public override ComponentDoc Doc { get; } = new(
        "`enrichpoints source, geo, geo, sum(x), ...`",
        "`Opaque` calling the toolbox's `ENRICH_POINTS(target, target_geo, source, source_geo, variables, [output])`",
        "target + `<column>_<aggregation>` per variable (sum, avg float64; count int64; min, max the column's type)");

    public override void Build(ComponentLoweringContext cx) => Enrichment.Build(cx, Id, EnrichmentProcedure.Points);
}
