-- Workflow 'test' compiled by cwf for PostgreSQL/PostGIS (script).

BEGIN;

SELECT pg_advisory_xact_lock(6187331218800324925);

CREATE SCHEMA IF NOT EXISTS o;

DROP TABLE IF EXISTS o.cells;

CREATE TABLE o.cells AS
WITH
  t AS (
    SELECT
      id,
      (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_SetSRID(CAST(geom AS geometry), 4326) AS cwf_g) AS r) AS geom
    FROM src.t
    OFFSET 0
  ),
  output_cells_points AS (
    SELECT
      CASE WHEN (ST_IsValidDetail(ST_Collect(geom))).valid THEN ST_Collect(geom) ELSE ST_MakeValid(ST_Collect(geom), 'method=structure') END AS geom
    FROM t
  ),
  output_cells AS (
    SELECT
      cwf_part.geom AS geom
    FROM output_cells_points AS l
    CROSS JOIN LATERAL ST_Dump(ST_VoronoiPolygons(l.geom)) AS cwf_part
  )
SELECT
  CAST(ST_SetSRID(geom, 4326) AS geometry(Geometry,4326)) AS geom
FROM output_cells;

COMMIT;
