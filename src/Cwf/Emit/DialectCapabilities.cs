namespace Cwf.Emit;

/// <summary>
/// What a warehouse has, as facts that decide what is planned and which statements a script holds:
/// the planner reads them through <see cref="Dialect.OptimizerTarget"/>, the script assembly for
/// transactions, procedures and limits. How SQL is spelled is not a fact here but an override of
/// the dialect (Dialect.Expressions.cs, Dialect.Queries.cs, Dialect.Statements.cs).
/// spec/dialects.md shows them as a matrix (a test keeps the two in step).
/// </summary>
public sealed record DialectCapabilities
{
    /// <summary><c>CREATE TEMP TABLE t AS ...</c> with an unqualified name, dropped at the end of the session.</summary>
    public bool TemporaryTables { get; init; }

    /// <summary><c>CREATE TEMP VIEW</c> (session-scoped, needs no schema).</summary>
    public bool TemporaryViews { get; init; }

    /// <summary>An ordinary view with an unqualified name can be created and dropped by the script.</summary>
    public bool Views { get; init; }

    public bool StoredProcedures { get; init; }

    /// <summary>A procedure must live in a schema (a BigQuery dataset); an unqualified name is placed in the first output's.</summary>
    public bool ProcedureNeedsSchema { get; init; }

    /// <summary>The statements that open and commit a transaction around a script; null: none (each statement commits).</summary>
    public string? BeginTransaction { get; init; }
    public string? CommitTransaction { get; init; }

    /// <summary>DDL (CREATE/DROP TABLE) inside the transaction is rolled back with it.</summary>
    public bool TransactionalDdl { get; init; }

    /// <summary>A metric <c>ST_DWITHIN(geography, geography, meters)</c> that stops at the threshold (and can use an index).</summary>
    public bool MetricDWithin { get; init; }

    /// <summary>Distance joins are planned internally, so <c>st_dwithin(a, b, d)</c> beats buffering and intersecting.</summary>
    public bool DWithinFasterThanBuffer { get; init; }

    /// <summary>A CTE read several times in one statement is evaluated once (PostgreSQL 12+, DuckDB, Snowflake).</summary>
    public bool SharedCtesEvaluatedOnce { get; init; }

    /// <summary>Spatial joins are nested loops unless the script builds a spatial index itself (it can where <see cref="Dialect.SpatialIndexing"/> says how).</summary>
    public bool SpatialJoinsNeedIndex { get; init; }

    /// <summary>Longest identifier, in bytes (UTF-8).</summary>
    public int MaxIdentifierBytes { get; init; } = 63;

    /// <summary>How many parts a table name may have (PostgreSQL: schema.table; the database is the connection's).</summary>
    public int MaxTableNameParts { get; init; } = 3;
}
