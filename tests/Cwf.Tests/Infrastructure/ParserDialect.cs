using Cwf.Emit;
using Cwf.Emit.Scripts;

namespace Cwf.Tests.Infrastructure;

/// <summary>
/// The independent parsers of tests/sqlcheck: node-sql-parser for BigQuery, Snowflake, Redshift
/// and PostgreSQL, dt-sql-parser's Spark SQL grammar for Databricks and its Trino grammar for Trino.
/// Which registered dialect each one checks is <see cref="IndependentParsers"/>'s business.
/// </summary>
public enum ParserDialect
{
    BigQuery,
    Snowflake,
    Redshift,
    Databricks,
    Postgres,
    Trino,
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
        ParserDialect.Trino => "trino",
        _ => throw new ArgumentOutOfRangeException(nameof(dialect)),
    };

    /// <summary>The name of the registered dialect whose SQL the parser checks.</summary>
    public static string DialectName(this ParserDialect dialect) => dialect == ParserDialect.Postgres ? "postgres" : dialect.CheckerName();

    /// <summary>The lexical rules of the backend dialect the parser dialect checks.</summary>
    public static SqlLexicalRules LexicalRules(this ParserDialect dialect) => Dialects.Find(dialect.DialectName())!.LexicalRules;

    /// <summary>The statements of a script, split by the dialect's lexical rules.</summary>
    public static IReadOnlyList<SqlStatement> SplitStatements(this ParserDialect dialect, string script) =>
        SqlStatementSplitter.Split(script, dialect.LexicalRules());
}
