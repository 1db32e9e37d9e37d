-- Workflow 't' compiled by cwf for PostgreSQL/PostGIS (script).
-- Needs the h3-pg extension (h3 and h3_postgis): CREATE EXTENSION h3; CREATE EXTENSION h3_postgis;
-- Needs the CARTO Analytics Toolbox for PostgreSQL/PostGIS (carto): install the toolbox there, or give its location with --toolbox (or "toolbox" in the catalog), e.g. --toolbox analytics.carto

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
      h3
    FROM src.t
    OFFSET 0
  ),
  output_t_1_h3_center AS (
    SELECT
      id,
      geom,
      h3,
      h3_cell_to_geometry(h3::h3index) AS h3_center
    FROM t
  ),
  output_t_2_quadbin AS (
    SELECT
      id,
      geom,
      h3,
      h3_center,
      carto.QUADBIN_FROMGEOGPOINT(geom, CAST(12 AS INTEGER)) AS quadbin
    FROM output_t_1_h3_center
  ),
  output_t_3_quadbin_boundary AS (
    SELECT
      id,
      geom,
      h3,
      h3_center,
      quadbin,
      carto.QUADBIN_BOUNDARY(quadbin) AS quadbin_geo
    FROM output_t_2_quadbin
  ),
  output_t_4_quadbin_center AS (
    SELECT
      id,
      geom,
      h3,
      h3_center,
      quadbin,
      quadbin_geo,
      carto.QUADBIN_CENTER(quadbin) AS middle
    FROM output_t_3_quadbin_boundary
  ),
  output_t AS (
    SELECT
      id,
      geom,
      h3,
      h3_center,
      quadbin,
      quadbin_geo,
      middle,
      CAST(h3_get_resolution(h3::h3index) AS BIGINT) AS r
    FROM output_t_4_quadbin_center
  ),
  output_t_2 AS (
    SELECT
      id,
      geom,
      h3,
      h3_center,
      quadbin,
      quadbin_geo,
      middle,
      r,
      h3_is_valid_cell(h3::h3index) AS v
    FROM output_t
  ),
  output_t_3 AS (
    SELECT
      id,
      geom,
      h3,
      h3_center,
      quadbin,
      quadbin_geo,
      middle,
      r,
      v,
      h3_cell_to_parent(h3::h3index, CAST(3 AS INTEGER))::text AS p
    FROM output_t_2
  ),
  output_t_4 AS (
    SELECT
      id,
      geom,
      h3,
      h3_center,
      quadbin,
      quadbin_geo,
      middle,
      r,
      v,
      p,
      carto.QUADBIN_RESOLUTION(quadbin) AS z
    FROM output_t_3
  ),
  output_t_5 AS (
    SELECT
      id,
      geom,
      h3,
      h3_center,
      quadbin,
      quadbin_geo,
      middle,
      r,
      v,
      p,
      z,
      carto.QUADBIN_TOPARENT(quadbin, CAST(4 AS INTEGER)) AS up
    FROM output_t_4
  )
SELECT
  id,
  CAST(ST_SetSRID(geom, 4326) AS geometry(Geometry,4326)) AS geom,
  h3,
  CAST(ST_SetSRID(h3_center, 4326) AS geometry(Geometry,4326)) AS h3_center,
  quadbin,
  CAST(ST_SetSRID(quadbin_geo, 4326) AS geometry(Geometry,4326)) AS quadbin_geo,
  CAST(ST_SetSRID(middle, 4326) AS geometry(Geometry,4326)) AS middle,
  r,
  v,
  p,
  z,
  up
FROM output_t_5;

COMMIT;
-- warning CWF6020: The PostgreSQL/PostGIS SQL for h3_center() (first used in step 'output_t_1_h3_center') needs the h3-pg extension (h3 and h3_postgis)
-- warning CWF6020: The PostgreSQL/PostGIS SQL for quadbin_from_point() (first used in step 'output_t_2_quadbin') needs the CARTO Analytics Toolbox for PostgreSQL/PostGIS (carto)
-- warning CWF6021: PostgreSQL/PostGIS: h3_is_valid() in step 'output_t' casts the text to h3index first, which fails for text that is not hexadecimal instead of giving false
