using Cwf.Emit;
using Cwf.Emit.Scripts;

namespace Cwf.Tests.Infrastructure;

/// <summary>
/// The dialects the independent parsers check (tests/sqlcheck): node-sql-parser for BigQuery,
/// Snowflake, Redshift and PostgreSQL, dt-sql-parser's Spark SQL grammar for Databricks.
/// DuckDB output is checked by running it (<see cref="DuckDbRunner"/>).
/// </summary>
public enum ParserDialect
{
    BigQuery,
    Snowflake,
    Redshift,
    Databricks,
    Postgres,
}

public static class ParserDialects
{
    public static IReadOnlyList<ParserDialect> All { get; } = Enum.GetValues<ParserDialect>();

    /// <summary>The dialect's name in the checker's protocol (tests/sqlcheck/check.mjs).</summary>
    public static string CheckerName(this ParserDialect dialect) => dialect switch
    {
        ParserDialect.BigQuery => "bigquery",
        ParserDialect.Snowflake => "snowflake",
        ParserDialect.Redshift => "redshift",
        ParserDialect.Databricks => "databricks",
        ParserDialect.Postgres => "postgresql",
        _ => throw new ArgumentOutOfRangeException(nameof(dialect)),
    };

    /// <summary>The lexical rules of the backend dialect the parser dialect checks.</summary>
    public static SqlLexicalRules LexicalRules(this ParserDialect dialect) =>
        Dialects.Find(dialect == ParserDialect.Postgres ? "postgres" : dialect.CheckerName())!.LexicalRules;

    /// <summary>The statements of a script, split by the dialect's lexical rules.</summary>
    public static IReadOnlyList<SqlStatement> SplitStatements(this ParserDialect dialect, string script) =>
        SqlStatementSplitter.Split(script, dialect.LexicalRules());
}
