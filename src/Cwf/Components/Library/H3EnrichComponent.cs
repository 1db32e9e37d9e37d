using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.h3enrich</c> (Enrich H3 Grid): the target's H3 cells with the source's columns aggregated over the source
/// features each cell intersects, through the CARTO Analytics Toolbox's <c>ENRICH_GRID('h3', ...)</c> (BigQuery,
/// Snowflake; CWF6002 elsewhere; CWF7800 in process). The export's <c>kring</c> and <c>decay</c> (BigQuery only in the
/// product) spread each cell's values over its neighbours; the SQL the product writes for a k-ring of 0 is the plain
/// <c>ENRICH_GRID</c> call, and no export shows the call for a larger one, so cwf takes 0 only (CWF2870 otherwise).
/// <c>h3enrich census, h3, geom, sum(population)</c>.
/// </summary>
public sealed class H3EnrichComponent : GenericStepComponent
{
    public override string Id => "native.h3enrich";
    public override string Title => "Enrich H3 grid";
    public override ComponentCategory Category => ComponentCategory.SpatialAnalysis;
    public override Seq<ComponentPort> Inputs => Enrichment.Inputs;
    public override Seq<ComponentParameter> Parameters { get; } =
    [
        .. Enrichment.Parameters,
        new("kring", ParameterKind.Integer, Required: false, Default: "0"),
        ComponentParameter.Selection("decay", ["uniform", "inverse", "inverse_square", "exponential"], "uniform"),
    ];
    public override GenericStepForm Form { get; } = new("h3enrich", ["source", "target_col", "source_col", "variables"]);
    public override ComponentDoc Doc { get; } = new(
        "`h3enrich source, h3, geo, sum(x), ...`",
        "`Opaque` calling the toolbox's `ENRICH_GRID('h3', target, target_h3, source, source_geo, variables, [output])`",
        "target + `<column>_<aggregation>` per variable (sum, avg float64; count int64; min, max the column's type)");

    public override void Build(ComponentLoweringContext cx)
    {
        var v = cx.Values;
        if ((v.Integer("kring"), v.Selection("decay")) is not ({ } kring, { }) || v.Failed) return;
        if (kring is not Literal { Value: 0L })
        {
            cx.Diagnostics.Report(DiagnosticCodes.ExternalServiceOption, v.LocationOf("kring"),
                $"cwf calls ENRICH_GRID for '{cx.Step.Name}', which has no k-ring argument, and no export shows the call the product makes for a k-ring of {kring}",
                "set the k-ring to 0 (the default), or enrich the cells and then aggregate over their k-rings in later steps (h3kring)");
            return;
        }
        Enrichment.Build(cx, Id, EnrichmentProcedure.H3Grid);
    }
}
