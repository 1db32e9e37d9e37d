-- Workflow 't' compiled by cwf for Snowflake (script).
-- Needs the CARTO Analytics Toolbox for Snowflake (CARTO.CARTO): install the toolbox there, or give its location with --toolbox (or "toolbox" in the catalog), e.g. --toolbox MYDB.CARTO

BEGIN TRANSACTION;

CREATE OR REPLACE TABLE out.t AS
WITH
  output_t_1_h3_center AS (
    SELECT
      id,
      geom,
      h3,
      H3_CELL_TO_POINT(h3) AS h3_center
    FROM src.t
  ),
  output_t_2_quadbin AS (
    SELECT
      id,
      geom,
      h3,
      h3_center,
      CARTO.CARTO.QUADBIN_FROMGEOGPOINT(geom, 12) AS quadbin
    FROM output_t_1_h3_center
  ),
  output_t_3_quadbin_boundary AS (
    SELECT
      id,
      geom,
      h3,
      h3_center,
      quadbin,
      CARTO.CARTO.QUADBIN_BOUNDARY(quadbin) AS quadbin_geo
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
      CARTO.CARTO.QUADBIN_CENTER(quadbin) AS middle
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
      H3_GET_RESOLUTION(h3) AS r
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
      H3_IS_VALID_CELL(h3) AS v
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
      H3_CELL_TO_PARENT(h3, 3) AS p
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
      CARTO.CARTO.QUADBIN_RESOLUTION(quadbin) AS z
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
  CARTO.CARTO.QUADBIN_TOPARENT(quadbin, 4) AS up
FROM output_t_4;

COMMIT;
-- warning CWF6020: The Snowflake SQL for quadbin_from_point() (first used in step 'output_t_2_quadbin') needs the CARTO Analytics Toolbox for Snowflake (CARTO.CARTO)
