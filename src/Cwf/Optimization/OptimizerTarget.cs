namespace Cwf.Optimization;

/// <summary>
/// What the optimizer and the planner need to know about the warehouse they compile for. A
/// small record of facts, filled by the caller from the backend's dialect, so that optimization
/// does not depend on the emitters. Every flag defaults to the conservative answer: a rewrite
/// that depends on the target only happens when the target says it is a win.
/// </summary>
public sealed record OptimizerTarget
{
    /// <summary>A target that permits no target-dependent rewrite and plans only CTEs.</summary>
    public static OptimizerTarget Conservative { get; } = new();

    /// <summary>A name for explain output (the dialect's name).</summary>
    public string Name { get; init; } = "generic";

    /// <summary>
    /// The warehouse has a metric <c>st_dwithin(geography, geography, meters)</c> that can stop at
    /// the threshold and use a spatial index or spatial join strategy, so
    /// <c>st_distance(a, b) &lt;= d</c> is never slower as <c>st_dwithin(a, b, d)</c>.
    /// BigQuery, Snowflake and PostGIS geography have it; Redshift and Databricks only on geometry
    /// in coordinate units, so no.
    /// </summary>
    public bool HasNativeDWithin { get; init; }

    /// <summary>
    /// <c>st_dwithin(a, b, d)</c> is measured faster than <c>st_intersects(st_buffer(a, d), b)</c>.
    /// True where distance joins are planned internally (BigQuery, Snowflake). False on PostGIS:
    /// dwithin on geography against complex polygons was over 250 s where buffer + intersects took
    /// 42 s (shared/design/performance.md).
    /// </summary>
    public bool PrefersDWithinOverBuffer { get; init; }

    /// <summary>
    /// The engine evaluates a CTE that is referenced several times in one statement only once
    /// (PostgreSQL 12+, DuckDB, Snowflake). BigQuery and Databricks inline each reference and
    /// compute it again.
    /// </summary>
    public bool MaterializesSharedCtes { get; init; }

    /// <summary>Session-scoped temporary tables can be created by the script (CREATE TEMP TABLE ... AS).</summary>
    public bool SupportsTempTables { get; init; }

    /// <summary>Views can be created and dropped by the script (a fallback where temp tables are unavailable).</summary>
    public bool SupportsViews { get; init; }

    /// <summary>
    /// Spatial joins are nested loops unless the script builds a spatial index itself (PostGIS,
    /// Redshift, DuckDB). BigQuery, Snowflake and Databricks index spatial joins internally.
    /// </summary>
    public bool NeedsExplicitSpatialIndex { get; init; }

    /// <summary>The script can build a spatial index on a temporary table (PostGIS: CREATE INDEX ... USING GIST).</summary>
    public bool SupportsSpatialIndex { get; init; }

    /// <summary>The warehouse can split large polygons into small pieces (PostGIS ST_Subdivide).</summary>
    public bool SupportsSubdivide { get; init; }
}
