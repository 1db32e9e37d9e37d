using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.enrichpolygons</c>: the target polygons with the source's columns aggregated over the source features
/// each intersects, through the CARTO Analytics Toolbox's <c>ENRICH_POLYGONS</c> (BigQuery, Snowflake, Redshift; CWF6002
/// elsewhere; CWF7800 in process). <c>enrichpolygons census, geom, geom, sum(population), avg(income)</c>.
/// </summary>
public sealed class EnrichPolygonsComponent : GenericStepComponent
{
    public override string Id => "native.enrichpolygons";
    public override string Title => "Enrich polygons";
    public override ComponentCategory Category => ComponentCategory.SpatialAnalysis;
    public override Seq<ComponentPort> Inputs => Enrichment.Inputs;
    public override Seq<ComponentParameter> Parameters => Enrichment.Parameters;
    public override GenericStepForm Form { get; } = new("enrichpolygons", ["source", "target_col", "source_col", "variables"]);
    public override ComponentDoc Doc { get; } = new(
        "`enrichpolygons source, geo, geo, sum(x), ...`",
        "`Opaque` calling the toolbox's `ENRICH_POLYGONS(target, target_geo, source, source_geo, variables, [output])`",
        "target + `<column>_<aggregation>` per variable (sum, avg float64; count int64; min, max the column's type)");

    public override void Build(ComponentLoweringContext cx) => Enrichment.Build(cx, Id, EnrichmentProcedure.Polygons);
}
