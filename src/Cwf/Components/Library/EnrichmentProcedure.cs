using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// One of the CARTO Analytics Toolbox's enrichment procedures as cwf calls it: its name, the reference page of its
/// signature, the warehouses whose toolbox documents it (the others are CWF6002), and for <c>ENRICH_GRID</c> the grid
/// type it is called with (the target is then a column of cells, not a geography).
/// </summary>
internal sealed record EnrichmentProcedure(string Name, string Reference, Seq<string> Warehouses, string? GridType = null)
{
    /// <summary>
    /// <c>ENRICH_POLYGONS</c>: BigQuery and Snowflake, and Redshift, whose data module reference page documents it; the
    /// Databricks page seen documents only <c>ENRICH_POINTS</c>.
    /// </summary>
    public static EnrichmentProcedure Polygons { get; } = new("ENRICH_POLYGONS",
        "https://docs.carto.com/data-and-analysis/analytics-toolbox-for-bigquery/sql-reference/data#enrich_polygons",
        ["bigquery", "snowflake", "redshift"]);

    /// <summary><c>ENRICH_POINTS</c>: BigQuery, Snowflake, Redshift and Databricks (their data module reference pages).</summary>
    public static EnrichmentProcedure Points { get; } = new("ENRICH_POINTS",
        "https://docs.carto.com/data-and-analysis/analytics-toolbox-for-bigquery/sql-reference/data#enrich_points",
        ["bigquery", "snowflake", "redshift", "databricks"]);

    /// <summary>
    /// <c>ENRICH_GRID('h3', ...)</c>: BigQuery and Snowflake (Redshift's takes Quadbin cells only, Databricks documents
    /// no grid enrichment).
    /// </summary>
    public static EnrichmentProcedure H3Grid { get; } = new("ENRICH_GRID",
        "https://docs.carto.com/data-and-analysis/analytics-toolbox-for-bigquery/sql-reference/data#enrich_grid",
        ["bigquery", "snowflake"], GridType: "h3");
}
