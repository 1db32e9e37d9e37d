namespace Cwf.Emit;

/// <summary>How a warehouse resolves identifiers written without quotes.</summary>
public enum IdentifierCase
{
    /// <summary>Folded to lower case; quoted names keep their case and match exactly (PostgreSQL).</summary>
    Lower,
    /// <summary>Folded to upper case; quoted names keep their case and match exactly (Snowflake).</summary>
    Upper,
    /// <summary>Matched ignoring case whether quoted or not (BigQuery columns, Databricks, DuckDB, Redshift by default).</summary>
    Insensitive,
}
