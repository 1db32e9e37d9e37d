namespace Cwf.Emit;

/// <summary>How a dialect stores the IR's geography type.</summary>
public enum GeographyStorage
{
    /// <summary>A geodesic GEOGRAPHY type: metric functions work on it directly (BigQuery, Snowflake).</summary>
    Geography,
    /// <summary>Planar GEOMETRY in SRID 4326 lon/lat: metric functions need casts or sphere functions.</summary>
    Geometry,
}

/// <summary>
/// What a warehouse's SQL can do, as data. The emitter asks these instead of testing the
/// dialect's identity; spec/dialects.md shows them as a matrix (a test keeps the two in step).
/// </summary>
public sealed record DialectCapabilities
{
    /// <summary><c>CREATE OR REPLACE TABLE t AS ...</c>; otherwise <c>DROP TABLE IF EXISTS</c> + <c>CREATE TABLE AS</c>.</summary>
    public bool CreateOrReplaceTable { get; init; }

    /// <summary><c>CREATE TEMP TABLE t AS ...</c> with an unqualified name, dropped at the end of the session.</summary>
    public bool TemporaryTables { get; init; }

    /// <summary><c>CREATE TEMP VIEW</c> (session-scoped, needs no schema).</summary>
    public bool TemporaryViews { get; init; }

    /// <summary>An ordinary view with an unqualified name can be created and dropped by the script.</summary>
    public bool Views { get; init; }

    public bool StoredProcedures { get; init; }

    /// <summary>A procedure must live in a schema (a BigQuery dataset); an unqualified name is placed in the first output's.</summary>
    public bool ProcedureNeedsSchema { get; init; }

    /// <summary>Procedure arguments may have DEFAULT values.</summary>
    public bool ProcedureArgumentDefaults { get; init; }

    /// <summary>The statements that open and commit a transaction around a script; null: none (each statement commits).</summary>
    public string? BeginTransaction { get; init; }
    public string? CommitTransaction { get; init; }

    /// <summary>DDL (CREATE/DROP TABLE) inside the transaction is rolled back with it.</summary>
    public bool TransactionalDdl { get; init; }

    /// <summary>The script creates missing output schemas with <c>CREATE SCHEMA IF NOT EXISTS</c>.</summary>
    public bool CreateSchemaIfNotExists { get; init; }

    /// <summary>The QUALIFY clause (filter on window functions).</summary>
    public bool Qualify { get; init; }

    /// <summary>The keyword of <c>SELECT * EXCEPT (a)</c> / <c>* EXCLUDE (a)</c>, or null when there is none.</summary>
    public string? StarExcept { get; init; }

    /// <summary><c>GROUP BY ALL</c>.</summary>
    public bool GroupByAll { get; init; }

    /// <summary>Explicit <c>NULLS FIRST</c>/<c>NULLS LAST</c> in ORDER BY (else an IS NULL sort key is added).</summary>
    public bool NullsOrdering { get; init; } = true;

    /// <summary><c>int / int</c> is already a floating-point division (no cast needed for the IR's true division).</summary>
    public bool IntegerDivisionIsFloat { get; init; }

    /// <summary>
    /// An operator with a NULL operand (a NULL literal, or an operator over one) is folded to a NULL
    /// of type INTEGER (DuckDB), which functions then refuse and a created table stores as INTEGER:
    /// the result is cast back to the operator's type.
    /// </summary>
    public bool NullOperandLosesType { get; init; }

    /// <summary>
    /// Decimal arithmetic changes the type (DuckDB): a quotient is a floating-point number, a
    /// product has the sum of its operands' scales and a rounded decimal the scale it was rounded
    /// to, and a COALESCE or CASE over such values takes one scale for all and cuts the others'
    /// digits. Quotients, products and rounded decimals are cast back to the decimal type.
    /// </summary>
    public bool DecimalArithmeticChangesType { get; init; }

    /// <summary>
    /// <c>SUBSTR(s, start, n)</c> with a start below 1 keeps the characters at positions
    /// [start, start + n), as standard SQL and the IR do (PostgreSQL, Redshift). Elsewhere a start
    /// below 1 counts from the end of the string or is read as 1, so the emitter clamps it first.
    /// </summary>
    public bool StandardSubstr { get; init; }

    /// <summary>Remainder is the <c>%</c> operator (otherwise <c>MOD(a, b)</c>).</summary>
    public bool ModuloOperator { get; init; } = true;

    /// <summary>FULL OUTER JOIN accepts any condition (PostgreSQL only accepts merge- or hash-joinable ones).</summary>
    public bool FullJoinOnAnyCondition { get; init; } = true;

    /// <summary>Geography values can be made DISTINCT and grouped (else grouped by their WKB).</summary>
    public bool GeographyComparable { get; init; }

    public GeographyStorage Geography { get; init; }

    /// <summary>H3 functions are built in (not an extension or a toolbox).</summary>
    public bool NativeH3 { get; init; }

    /// <summary>A backslash in a LIKE pattern escapes the next character by default.</summary>
    public bool LikeBackslashEscape { get; init; }

    /// <summary>
    /// The collation (as written after COLLATE) under which strings order by code point, as the IR
    /// orders them, where a database's default collation may be linguistic (PostgreSQL: <c>"C"</c>):
    /// string comparisons, sort keys and MIN/MAX arguments are written with it. Null where strings
    /// order by code point unless the user asks otherwise.
    /// </summary>
    public string? BinaryCollation { get; init; }

    /// <summary>The collation a MIN/MAX result goes back to, so output columns keep the database's default (PostgreSQL: <c>"default"</c>).</summary>
    public string? DefaultCollation { get; init; }

    /// <summary>A metric <c>ST_DWITHIN(geography, geography, meters)</c> that stops at the threshold (and can use an index).</summary>
    public bool MetricDWithin { get; init; }

    /// <summary>Distance joins are planned internally, so <c>st_dwithin(a, b, d)</c> beats buffering and intersecting.</summary>
    public bool DWithinFasterThanBuffer { get; init; }

    /// <summary>A CTE read several times in one statement is evaluated once (PostgreSQL 12+, DuckDB, Snowflake).</summary>
    public bool SharedCtesEvaluatedOnce { get; init; }

    /// <summary>Spatial joins are nested loops unless the script builds a spatial index itself.</summary>
    public bool SpatialJoinsNeedIndex { get; init; }

    /// <summary>The script can build a spatial index on a temporary table.</summary>
    public bool SpatialIndexes { get; init; }

    /// <summary>Large polygons can be split into small pieces (PostGIS ST_Subdivide).</summary>
    public bool Subdivide { get; init; }

    /// <summary>Longest identifier, in bytes (UTF-8).</summary>
    public int MaxIdentifierBytes { get; init; } = 63;

    /// <summary>How many parts a table name may have (PostgreSQL: schema.table; the database is the connection's).</summary>
    public int MaxTableNameParts { get; init; } = 3;
}
