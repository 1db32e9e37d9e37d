using System.Text.RegularExpressions;

namespace Cwf.Tests.Infrastructure;

/// <summary>
/// The known false rejections of the independent parsers (node-sql-parser 5.4.0, dt-sql-parser
/// 4.5.1 Spark SQL), each with its rewrite. Add one only for SQL that the warehouse documents as
/// valid, with an <see cref="ParserGap.Example"/> that the parser rejects; the tests keep every
/// entry honest. Patterns see code only (literals and quoted names are masked).
/// </summary>
public static class ParserGaps
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>One name part: a bare identifier or a masked quoted one.</summary>
    private const string Part = "(?:[A-Za-z_][A-Za-z0-9_$]*|[\"`]\uE000\\d+\uE001[\"`])";

    private const string Name = Part + @"(?:\s*\.\s*" + Part + ")*";

    /// <summary>Text with balanced parentheses, as short as will do (the keys of an ORDER BY before the closing parenthesis).</summary>
    private const string Balanced = @"(?>[^()]+|\((?<d>)|\)(?<-d>))*?(?(d)(?!))";

    /// <summary>The start of a call's argument up to a keyword at its own depth, one character at a time so the keyword is found.</summary>
    private const string ArgumentStart = @"(?>[^()]|\((?<d>)|\)(?<-d>))*?(?(d)(?!))";

    private static readonly ParserDialect[] NodeSqlParserDialects =
        [ParserDialect.BigQuery, ParserDialect.Snowflake, ParserDialect.Redshift, ParserDialect.Postgres];

    public static IReadOnlyList<ParserGap> All { get; } =
    [
        new("geography-type", [ParserDialect.Postgres, ParserDialect.Redshift],
            "node-sql-parser rejects the type name geography (x::geography, CAST(x AS geography), column types); checked as geometry",
            new Regex(@"\bgeography\b", Options), "geometry",
            "SELECT ST_Area(g::geography) FROM t"),
        new("geometry-typmod", [ParserDialect.Postgres],
            "node-sql-parser rejects PostGIS type modifiers such as geometry(Geometry,4326); checked as plain geometry",
            new Regex(@"\bgeometry\s*\(\s*[A-Za-z]+\s*(?:,\s*\d+\s*)?\)", Options), "geometry",
            "SELECT ST_SetSRID(x, 4326)::geometry(Geometry,4326) AS g FROM t"),
        new("is-distinct-from", NodeSqlParserDialects,
            "node-sql-parser rejects IS [NOT] DISTINCT FROM (PostgreSQL accepts only IS DISTINCT FROM); checked as =",
            new Regex(@"\bIS\s+(?:NOT\s+)?DISTINCT\s+FROM\b", Options), "=",
            "SELECT a FROM t WHERE a IS NOT DISTINCT FROM b"),
        new("drop-if-exists", [ParserDialect.BigQuery, ParserDialect.Snowflake, ParserDialect.Redshift],
            "node-sql-parser rejects DROP TABLE IF EXISTS and DROP VIEW; checked as DROP TABLE",
            new Regex(@"^(\s*DROP\s+)(?:TABLE|VIEW)\s+IF\s+EXISTS\b", Options), "$1TABLE",
            "DROP TABLE IF EXISTS s.t"),
        new("drop-view", [ParserDialect.BigQuery, ParserDialect.Snowflake, ParserDialect.Redshift],
            "node-sql-parser knows no DROP VIEW; checked as DROP TABLE",
            new Regex(@"^(\s*DROP\s+)VIEW\b", Options), "$1TABLE",
            "DROP VIEW v"),
        new("redshift-create-table-as", [ParserDialect.Redshift],
            "node-sql-parser rejects Redshift CREATE [TEMP] TABLE ... AS; the query after AS is checked",
            new Regex(@"^\s*CREATE\s+(?:(?:LOCAL\s+)?TEMP(?:ORARY)?\s+)?TABLE\s+" + Name + @"\s+AS\s+", Options), "",
            "CREATE TABLE s.t AS SELECT 1 AS x"),
        new("redshift-temp-table", [ParserDialect.Redshift],
            "node-sql-parser rejects CREATE TEMP TABLE for Redshift; checked as CREATE TABLE",
            new Regex(@"^(\s*CREATE\s+)(?:LOCAL\s+)?TEMP(?:ORARY)?\s+TABLE\b", Options), "$1TABLE",
            "CREATE TEMP TABLE x (a int)"),
        new("bigquery-nulls-order", [ParserDialect.BigQuery],
            "node-sql-parser rejects NULLS FIRST/LAST in BigQuery ORDER BY; checked without it",
            new Regex(@"\s+NULLS\s+(?:FIRST|LAST)\b", Options), "",
            "SELECT a FROM t ORDER BY a DESC NULLS LAST"),
        new("qualify", [ParserDialect.BigQuery, ParserDialect.Databricks],
            "the parser rejects QUALIFY (BigQuery, Databricks); checked as HAVING",
            new Regex(@"\bQUALIFY\b", Options), "HAVING",
            "SELECT a FROM t QUALIFY ROW_NUMBER() OVER (PARTITION BY a ORDER BY b) = 1"),
        new("bigquery-create-schema", [ParserDialect.BigQuery],
            "node-sql-parser fails on BigQuery CREATE SCHEMA (an internal error); the whole statement is matched by this pattern instead",
            new Regex(@"^\s*CREATE\s+SCHEMA\s+(?:IF\s+NOT\s+EXISTS\s+)?" + Name + @"\s*$", Options), "SELECT 1",
            "CREATE SCHEMA IF NOT EXISTS `p.s`"),
        new("databricks-three-part-name", [ParserDialect.Databricks],
            "dt-sql-parser accepts catalog.schema.table only after FROM; checked as schema.table",
            new Regex(@"(?<![A-Za-z0-9_$.])" + Part + @"\s*\.\s*(" + Part + @"\s*\.\s*" + Part + ")", Options), "$1",
            "CREATE OR REPLACE TABLE `c`.`s`.`t` AS SELECT 1 AS x"),
        new("databricks-star-except", [ParserDialect.Databricks],
            "dt-sql-parser rejects SELECT * EXCEPT (columns); checked as *",
            new Regex(@"\*\s*EXCEPT\s*\(\s*" + Name + @"(?:\s*,\s*" + Name + @")*\s*\)", Options), "*",
            "SELECT * EXCEPT (a) FROM t"),
        new("bigquery-make-valid", [ParserDialect.BigQuery],
            "node-sql-parser rejects named arguments (ST_GEOGFROMTEXT(s, make_valid => TRUE)); checked without the argument",
            new Regex(@",\s*make_valid\s*=>\s*TRUE\b", Options), "",
            "SELECT ST_GEOGFROMTEXT(s, make_valid => TRUE) AS g FROM t"),
        new("bigquery-numeric-literal", [ParserDialect.BigQuery],
            "node-sql-parser rejects BigQuery's typed NUMERIC literal (NUMERIC '1.5'); checked as CAST('1.5' AS NUMERIC)",
            new Regex(@"\bNUMERIC\s+('\uE000\d+\uE001')", Options), "CAST($1 AS NUMERIC)",
            "SELECT NUMERIC '1.5' AS x"),
        new("bigquery-extract-dayofyear", [ParserDialect.BigQuery],
            "node-sql-parser rejects the date part DAYOFYEAR in EXTRACT (BigQuery documents it); checked as DAY",
            new Regex(@"\bEXTRACT\s*\(\s*DAYOFYEAR\s+FROM\b", Options), "EXTRACT(DAY FROM",
            "SELECT EXTRACT(DAYOFYEAR FROM d) AS n FROM t"),
        new("postgres-collate", [ParserDialect.Postgres],
            "node-sql-parser accepts COLLATE only after a column name (not after a function call, CASE, literal or parentheses); checked without the COLLATE clause",
            new Regex(@"\s+COLLATE\s+""\uE000\d+\uE001""", Options), "",
            "SELECT MIN(upper(c) COLLATE \"C\") COLLATE \"default\" AS m FROM t"),
        new("frame-end-preceding", [ParserDialect.Snowflake, ParserDialect.Redshift, ParserDialect.Postgres],
            "node-sql-parser rejects a window frame that ends n rows before the current row (ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING); checked as ending at the current row",
            new Regex(@"\bAND\s+\d+\s+PRECEDING\b", Options), "AND CURRENT ROW",
            "SELECT SUM(a) OVER (ORDER BY b ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING) AS s FROM t"),
        new("bool-aggregate-window", [ParserDialect.Postgres, ParserDialect.Redshift],
            "node-sql-parser rejects BOOL_AND and BOOL_OR over a window (BOOL_AND(b) OVER (...)); checked as MIN",
            new Regex(@"\bBOOL_(?:AND|OR)\s*\(", Options), "MIN(",
            "SELECT BOOL_AND(b) OVER (PARTITION BY a) AS w FROM t"),
        new("percent-rank", [ParserDialect.Postgres, ParserDialect.Redshift],
            "node-sql-parser knows no PERCENT_RANK window function (PostgreSQL and Redshift document it); checked as RANK",
            new Regex(@"\bPERCENT_RANK\s*\(", Options), "RANK(",
            "SELECT PERCENT_RANK() OVER (ORDER BY v) AS p FROM t"),
        new("postgres-composite-field", [ParserDialect.Postgres],
            "node-sql-parser rejects selecting a field of a function's composite result ((ST_IsValidDetail(g)).valid); checked as the call alone",
            new Regex(@"\(\s*(?<call>[A-Za-z_][A-Za-z0-9_]*\s*\((?>[^()]+|\((?<d>)|\)(?<-d>))*(?(d)(?!))\))\s*\)\s*\.\s*[A-Za-z_][A-Za-z0-9_]*", Options), "${call}",
            "SELECT CASE WHEN (ST_IsValidDetail(ST_SetSRID(g, 4326))).valid THEN g END AS g FROM t"),
        new("postgres-h3index-type", [ParserDialect.Postgres],
            "node-sql-parser rejects the h3-pg type name h3index in a cast (x::h3index), and any :: cast of a CAST(...) that is a call's argument; checked without the cast",
            new Regex(@"::\s*h3index\b", Options), "",
            "SELECT h3_cell_to_boundary_geometry(c::h3index) AS g FROM t"),
        new("postgres-analyze", [ParserDialect.Postgres],
            "node-sql-parser rejects ANALYZE; the whole statement is matched by this pattern instead",
            new Regex(@"^\s*ANALYZE\s+" + Name + @"\s*$", Options), "SELECT 1",
            "ANALYZE cwf_step"),
        new("redshift-substring-from", [ParserDialect.Redshift],
            "node-sql-parser rejects SUBSTRING(s FROM start) for Redshift; checked as SUBSTRING(s, start)",
            new Regex(@"\bSUBSTRING\s*\((?<s>(?>[^()]+?|\((?<d>)|\)(?<-d>))*?(?(d)(?!)))\s+FROM\s+", Options), "SUBSTRING(${s}, ",
            "SELECT SUBSTRING(UPPER(c) FROM 2) AS s FROM t"),
        new("snowflake-three-part-function", [ParserDialect.Snowflake],
            "node-sql-parser rejects a function named database.schema.function, which Snowflake documents for user-defined functions " +
            "(the CARTO Analytics Toolbox's CARTO.CARTO.QUADBIN_CENTER); checked as schema.function",
            new Regex(Part + @"\s*\.\s*(" + Part + @"\s*\.\s*" + Part + @"\s*\()", Options), "$1",
            "SELECT CARTO.CARTO.QUADBIN_CENTER(q) AS c FROM t"),
        new("postgres-ordered-makeline", [ParserDialect.Postgres],
            "node-sql-parser rejects ORDER BY inside ST_MakeLine's parentheses (an ordered aggregate, which PostgreSQL documents for every aggregate); checked without the order",
            new Regex(@"(\bST_MakeLine\s*\(" + ArgumentStart + @")\s+ORDER\s+BY\s+" + Balanced + @"(?=\))", Options), "$1",
            "SELECT ST_MakeLine(ST_Centroid(g) ORDER BY t ASC NULLS LAST, ST_X(ST_Centroid(g)) ASC NULLS LAST) AS l FROM t"),
        new("bigquery-array-agg-modifiers", [ParserDialect.BigQuery],
            "node-sql-parser rejects IGNORE NULLS and ORDER BY inside ARRAY_AGG's parentheses (BigQuery documents both); checked without them",
            new Regex(@"(\bARRAY_AGG\s*\(" + ArgumentStart + @")\s+(?:IGNORE\s+NULLS\b(?:\s+ORDER\s+BY\s+" + Balanced + @")?|ORDER\s+BY\s+" + Balanced + @")(?=\))", Options), "$1",
            "SELECT ST_MAKELINE(ARRAY_AGG(ST_CENTROID(g) IGNORE NULLS ORDER BY t ASC, ST_X(ST_CENTROID(g)) ASC)) AS l FROM t"),
        new("redshift-collect-within-group", [ParserDialect.Redshift],
            "node-sql-parser rejects ST_Collect(g) WITHIN GROUP (ORDER BY ...) as another function's argument (Redshift documents the ordered ST_Collect); checked without the order",
            new Regex(@"(\bST_Collect\s*\(" + Balanced + @"\))\s*WITHIN\s+GROUP\s*\(" + Balanced + @"\)", Options), "$1",
            "SELECT ST_LineFromMultiPoint(ST_Collect(ST_Centroid(g)) WITHIN GROUP (ORDER BY t ASC NULLS LAST, ST_X(ST_Centroid(g)) ASC NULLS LAST)) AS l FROM t"),
        new("bigquery-call-arguments", [ParserDialect.BigQuery],
            "node-sql-parser's BigQuery CALL takes only plain values as arguments: it rejects a STRUCT with field names and an array (the toolbox procedures' options and variables, which BigQuery documents); checked as a SELECT of the same call",
            new Regex(@"^(\s*)CALL\b", Options), "$1SELECT",
            "CALL carto.CREATE_TILESET('(SELECT 1)', 'p.d.t', STRUCT(2 AS zoom_min, 'geom' AS geom_column_name))"),
        new("bigquery-extent-field", [ParserDialect.BigQuery],
            "node-sql-parser rejects a field of a function's STRUCT result (ST_EXTENT(g).xmin, which BigQuery documents); checked as the call alone",
            new Regex(@"(\bST_EXTENT\s*\((?>[^()]+|\((?<d>)|\)(?<-d>))*(?(d)(?!))\))\s*\.\s*[xy]m(?:in|ax)\b", Options), "$1",
            "SELECT ST_EXTENT(g).xmin AS x FROM t"),
        // Transaction statements: the whole statement is matched against the dialect's documented forms.
        new("transaction-control-postgres", [ParserDialect.Postgres, ParserDialect.Redshift],
            "node-sql-parser rejects some PostgreSQL/Redshift transaction statements (END, COMMIT WORK, BEGIN TRANSACTION on Redshift); matched whole by this pattern instead",
            new Regex(@"^\s*(?:(?:BEGIN|COMMIT|END|ROLLBACK)(?:\s+(?:TRANSACTION|WORK))?|START\s+TRANSACTION)\s*$", Options), "SELECT 1",
            "END TRANSACTION"),
        new("transaction-control-snowflake", [ParserDialect.Snowflake],
            "node-sql-parser rejects every Snowflake transaction statement; matched whole by this pattern instead",
            new Regex(@"^\s*(?:BEGIN(?:\s+(?:TRANSACTION|WORK))?|START\s+TRANSACTION|(?:COMMIT|ROLLBACK)(?:\s+WORK)?)\s*$", Options), "SELECT 1",
            "COMMIT"),
        new("transaction-control-bigquery", [ParserDialect.BigQuery],
            "node-sql-parser rejects every BigQuery transaction statement; matched whole by this pattern instead",
            new Regex(@"^\s*(?:BEGIN|COMMIT|ROLLBACK)(?:\s+TRANSACTION)?\s*$", Options), "SELECT 1",
            "BEGIN TRANSACTION"),
    ];
}
