namespace Cwf.Emit;

/// <summary>
/// How rows are made distinct where geography values cannot be compared (BigQuery, Snowflake,
/// Redshift, Databricks): a geography column is grouped by <see cref="Key"/> of it (its binary
/// form) and kept with <see cref="AnyValue"/>.
/// </summary>
public sealed record GeographyGrouping(SqlTemplate Key, SqlTemplate AnyValue)
{
    /// <summary>Grouped by <c>ST_ASBINARY</c>, kept with <c>ANY_VALUE</c>.</summary>
    public static GeographyGrouping ByBinary { get; } = new("ST_ASBINARY({0})", "ANY_VALUE({0})");
}
