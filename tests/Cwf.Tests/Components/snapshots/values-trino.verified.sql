-- Workflow 't' compiled by cwf for Trino (script).

DROP TABLE IF EXISTS out.p;

CREATE TABLE out.p AS
WITH
  p AS (
    SELECT *
    FROM (
      SELECT
        CAST(1 AS BIGINT) AS id,
        CAST('a''b\\c' AS VARCHAR) AS label,
        CAST(1.5 AS DOUBLE) AS "we""ird name",
        ST_GeometryFromText('POINT(1 2)') AS geo
      UNION ALL
      SELECT
        CAST(2 AS BIGINT) AS id,
        CAST(NULL AS VARCHAR) AS label,
        CAST(NULL AS DOUBLE) AS "we""ird name",
        ST_Point(3, 4) AS geo
    ) AS cwf_values
  )
SELECT
  id,
  label,
  "we""ird name",
  ST_AsBinary(geo) AS geo
FROM p;

DROP TABLE IF EXISTS out.nothing;

CREATE TABLE out.nothing AS
WITH
  nothing AS (
    SELECT *
    FROM (
      SELECT
        CAST(NULL AS BIGINT) AS n,
        CAST(NULL AS GEOMETRY) AS g
      LIMIT 0
    ) AS cwf_values
  )
SELECT
  n,
  ST_AsBinary(g) AS g
FROM nothing;
