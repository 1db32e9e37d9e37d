-- Workflow 't' compiled by cwf for Amazon Redshift (script).
-- Needs the CARTO Analytics Toolbox for Amazon Redshift (carto): install the toolbox there, or give its location with --toolbox (or "toolbox" in the catalog), e.g. --toolbox analytics.carto

BEGIN;

DROP TABLE IF EXISTS out.t;

CREATE TABLE out.t AS
WITH
  t AS (
    SELECT
      id,
      ST_SetSRID(geom, 4326) AS geom,
      h3
    FROM src.t
  ),
  output_t_1_h3_center AS (
    SELECT
      id,
      geom,
      h3,
      ST_SetSRID(H3_Center(h3), 4326) AS h3_center
    FROM t
  ),
  output_t_2_quadbin AS (
    SELECT
      id,
      geom,
      h3,
      h3_center,
      carto.QUADBIN_FROMGEOGPOINT(geom, 12) AS quadbin
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
      CAST(H3_Resolution(h3) AS BIGINT) AS r
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
      H3_IsValid(h3) AS v
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
      LOWER(TO_HEX(H3_ToParent(h3, 3))) AS p
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
  )
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
  carto.QUADBIN_TOPARENT(quadbin, 4) AS up
FROM output_t_4;

COMMIT;
-- warning CWF6020: The Amazon Redshift SQL for quadbin_from_point() (first used in step 'output_t_2_quadbin') needs the CARTO Analytics Toolbox for Amazon Redshift (carto)
