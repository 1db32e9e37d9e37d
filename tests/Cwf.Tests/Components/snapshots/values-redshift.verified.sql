-- Workflow 't' compiled by cwf for Amazon Redshift (script).

BEGIN;

DROP TABLE IF EXISTS out.p;

CREATE TABLE out.p AS
SELECT *
FROM (
  SELECT
    CAST(1 AS BIGINT) AS id,
    CAST('a''b\\\\c' AS VARCHAR(65535)) AS label,
    CAST(1.5 AS DOUBLE PRECISION) AS "we""ird name",
    ST_GeomFromText('POINT(1 2)', 4326) AS geo
  UNION ALL
  SELECT
    CAST(2 AS BIGINT) AS id,
    CAST(NULL AS VARCHAR(65535)) AS label,
    CAST(NULL AS DOUBLE PRECISION) AS "we""ird name",
    ST_SetSRID(ST_Point(3, 4), 4326) AS geo
) AS cwf_values;

DROP TABLE IF EXISTS out.nothing;

CREATE TABLE out.nothing AS
SELECT *
FROM (
  SELECT
    CAST(NULL AS BIGINT) AS n,
    CAST(NULL AS GEOMETRY) AS g
  LIMIT 0
) AS cwf_values;

COMMIT;
