-- Workflow 'test' compiled by cwf for PostgreSQL/PostGIS (script).

BEGIN;

SELECT pg_advisory_xact_lock(4799614512720348384);

CREATE SCHEMA IF NOT EXISTS o;

DROP TABLE IF EXISTS o.grid;

CREATE TABLE o.grid AS
WITH
  t AS (
    SELECT
      id,
      (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_SetSRID(CAST(geom AS geometry), 4326) AS cwf_g) AS r) AS geom
    FROM src.t
    OFFSET 0
  ),
  output_grid_extent AS (
    SELECT
      ST_Envelope(ST_Collect(geom)) AS geo
    FROM t
  ),
  output_grid AS (
    SELECT
      cwf_part.geom AS geo
    FROM output_grid_extent AS l
    CROSS JOIN LATERAL ST_Dump(CASE WHEN CAST(0.5 AS DOUBLE PRECISION) > 0 AND NOT ST_IsEmpty(l.geo) THEN (SELECT ST_Collect(ST_SetSRID(ST_MakePoint(ST_XMin(l.geo) + cwf_i * CAST(0.5 AS DOUBLE PRECISION), ST_YMin(l.geo) + cwf_j * CAST(0.5 AS DOUBLE PRECISION)), 4326) ORDER BY cwf_j, cwf_i) FROM generate_series(0, CAST(FLOOR((ST_XMax(l.geo) - ST_XMin(l.geo)) / CAST(0.5 AS DOUBLE PRECISION)) AS BIGINT)) AS cwf_i, generate_series(0, CAST(FLOOR((ST_YMax(l.geo) - ST_YMin(l.geo)) / CAST(0.5 AS DOUBLE PRECISION)) AS BIGINT)) AS cwf_j) END) AS cwf_part
  )
SELECT
  CAST(ST_SetSRID(geo, 4326) AS geometry(Geometry,4326)) AS geo
FROM output_grid;

COMMIT;
