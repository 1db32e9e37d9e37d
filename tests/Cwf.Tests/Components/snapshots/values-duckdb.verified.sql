-- Workflow 't' compiled by cwf for DuckDB (script).
-- Needs the DuckDB spatial extension: INSTALL spatial; LOAD spatial;

BEGIN TRANSACTION;

CREATE SCHEMA IF NOT EXISTS out;

CREATE OR REPLACE TABLE out.p AS
SELECT *
FROM (
  SELECT
    CAST(1 AS BIGINT) AS id,
    CAST('a''b\\c' AS VARCHAR) AS label,
    CAST(1.5 AS DOUBLE) AS "we""ird name",
    CASE WHEN ST_IsValid(ST_GeomFromText('POINT(1 2)')) THEN ST_GeomFromText('POINT(1 2)') ELSE ST_MakeValid(ST_GeomFromText('POINT(1 2)')) END AS geo
  UNION ALL
  SELECT
    CAST(2 AS BIGINT) AS id,
    CAST(NULL AS VARCHAR) AS label,
    CAST(NULL AS DOUBLE) AS "we""ird name",
    ST_Point(3, 4) AS geo
) AS cwf_values;

CREATE OR REPLACE TABLE out.nothing AS
SELECT *
FROM (
  SELECT
    CAST(NULL AS BIGINT) AS n,
    CAST(NULL AS GEOMETRY) AS g
  LIMIT 0
) AS cwf_values;

COMMIT;
