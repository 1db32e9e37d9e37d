-- Workflow 't' compiled by cwf for PostgreSQL/PostGIS (script).

BEGIN;

SELECT pg_advisory_xact_lock(3576383015975973845);

CREATE SCHEMA IF NOT EXISTS out;

DROP TABLE IF EXISTS out.t;

CREATE TABLE out.t AS
WITH
  t AS (
    SELECT
      id,
      (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_SetSRID(CAST(geom AS geometry), 4326) AS cwf_g) AS r) AS geom,
      wkt
    FROM src.t
    OFFSET 0
  ),
  output_t_1_dump AS (
    SELECT
      l.id,
      cwf_part.geom AS geom,
      l.wkt
    FROM t AS l
    CROSS JOIN LATERAL ST_Dump(l.geom) AS cwf_part
  ),
  output_t AS (
    SELECT
      id,
      geom,
      wkt
    FROM output_t_1_dump
    WHERE id > 1
  )
SELECT
  id,
  CAST(ST_SetSRID(geom, 4326) AS geometry(Geometry,4326)) AS geom,
  wkt
FROM output_t;

COMMIT;
