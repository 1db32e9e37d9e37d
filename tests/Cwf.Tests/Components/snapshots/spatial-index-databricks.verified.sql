-- Workflow 't' compiled by cwf for Databricks (script).
-- Needs Photon or a pro/serverless SQL warehouse (h3_* functions): the h3_* functions are not available on clusters without Photon
-- Needs Databricks Runtime 17.1+ or a pro/serverless SQL warehouse (st_* functions): the st_* functions are not available on DBSQL Classic warehouses
-- Needs the CARTO Analytics Toolbox for Databricks (carto): install the toolbox there, or give its location with --toolbox (or "toolbox" in the catalog), e.g. --toolbox analytics.carto

CREATE OR REPLACE TABLE `out`.`t` AS
WITH
  output_t_1_h3_center AS (
    SELECT
      id,
      geom,
      h3,
      st_geomfromtext(h3_centeraswkt(h3), 4326) AS h3_center
    FROM `src`.`t`
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
      CAST(h3_resolution(h3) AS BIGINT) AS r
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
      h3_isvalid(h3) AS v
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
      h3_toparent(h3, CAST(3 AS INT)) AS p
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
-- info CWF6020: The Databricks SQL for h3_center() (first used in step 'output_t_1_h3_center') needs Photon or a pro/serverless SQL warehouse (h3_* functions)
-- info CWF6020: The Databricks SQL for h3_center() (first used in step 'output_t_1_h3_center') needs Databricks Runtime 17.1+ or a pro/serverless SQL warehouse (st_* functions)
-- warning CWF6020: The Databricks SQL for quadbin_from_point() (first used in step 'output_t_2_quadbin') needs the CARTO Analytics Toolbox for Databricks (carto)
