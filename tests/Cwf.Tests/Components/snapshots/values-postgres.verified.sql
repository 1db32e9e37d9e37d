-- Workflow 't' compiled by cwf for PostgreSQL/PostGIS (script).

BEGIN;

SELECT pg_advisory_xact_lock(-7492411793362821824);

CREATE SCHEMA IF NOT EXISTS out;

DROP TABLE IF EXISTS out.p;

CREATE TABLE out.p AS
WITH
  p AS (
    SELECT *
    FROM (
      SELECT
        CAST(1 AS BIGINT) AS id,
        CAST('a''b\\c' AS TEXT) AS label,
        CAST(1.5 AS DOUBLE PRECISION) AS "we""ird name",
        CASE WHEN (ST_IsValidDetail(ST_GeomFromText('POINT(1 2)', 4326))).valid THEN ST_GeomFromText('POINT(1 2)', 4326) ELSE ST_MakeValid(ST_GeomFromText('POINT(1 2)', 4326), 'method=structure') END AS geo
      UNION ALL
      SELECT
        CAST(2 AS BIGINT) AS id,
        CAST(NULL AS TEXT) AS label,
        CAST(NULL AS DOUBLE PRECISION) AS "we""ird name",
        ST_SetSRID(ST_MakePoint(3, 4), 4326) AS geo
    ) AS cwf_values
  )
SELECT
  id,
  label,
  "we""ird name",
  CAST(ST_SetSRID(geo, 4326) AS geometry(Geometry,4326)) AS geo
FROM p;

DROP TABLE IF EXISTS out.nothing;

CREATE TABLE out.nothing AS
WITH
  nothing AS (
    SELECT *
    FROM (
      SELECT
        CAST(NULL AS BIGINT) AS n,
        CAST(NULL AS geometry(Geometry,4326)) AS g
      LIMIT 0
    ) AS cwf_values
  )
SELECT
  n,
  CAST(ST_SetSRID(g, 4326) AS geometry(Geometry,4326)) AS g
FROM nothing;

COMMIT;
