-- Workflow 't' compiled by cwf for BigQuery (script).
-- Needs the CARTO Analytics Toolbox for BigQuery (`carto-un`.carto): install the toolbox there, or give its location with --toolbox (or "toolbox" in the catalog), e.g. --toolbox carto-un-eu.carto

CREATE OR REPLACE TABLE out.t AS
WITH
  output_t_1_h3_center AS (
    SELECT
      id,
      geom,
      h3,
      `carto-un`.carto.H3_CENTER(h3) AS h3_center
    FROM src.t
  ),
  output_t_2_quadbin AS (
    SELECT
      id,
      geom,
      h3,
      h3_center,
      `carto-un`.carto.QUADBIN_FROMGEOGPOINT(geom, 12) AS quadbin
    FROM output_t_1_h3_center
  ),
  output_t_3_quadbin_boundary AS (
    SELECT
      id,
      geom,
      h3,
      h3_center,
      quadbin,
      `carto-un`.carto.QUADBIN_BOUNDARY(quadbin) AS quadbin_geo
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
      `carto-un`.carto.QUADBIN_CENTER(quadbin) AS middle
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
      `carto-un`.carto.H3_RESOLUTION(h3) AS r
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
      `carto-un`.carto.H3_ISVALID(h3) AS v
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
      `carto-un`.carto.H3_TOPARENT(h3, 3) AS p
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
      `carto-un`.carto.QUADBIN_RESOLUTION(quadbin) AS z
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
  `carto-un`.carto.QUADBIN_TOPARENT(quadbin, 4) AS up
FROM output_t_4;
-- warning CWF6020: The BigQuery SQL for h3_center() (first used in step 'output_t_1_h3_center') needs the CARTO Analytics Toolbox for BigQuery (`carto-un`.carto)
