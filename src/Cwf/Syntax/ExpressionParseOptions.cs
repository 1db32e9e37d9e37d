namespace Cwf.Syntax;

/// <summary>How to read an expression or select list that comes from a canvas (in a warehouse's dialect).</summary>
public sealed record ExpressionParseOptions
{
    public static ExpressionParseOptions Default { get; } = new();

    /// <summary>
    /// Read <c>"text"</c> as a string literal instead of a quoted name, as BigQuery and
    /// Databricks do. In .cwf (and on PostgreSQL, Snowflake, Redshift) it is a name.
    /// </summary>
    public bool DoubleQuotedStrings { get; init; }
}
