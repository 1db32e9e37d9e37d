-- Workflow 'test' compiled by cwf for Databricks (script).
-- Needs Databricks Runtime 17.1+ or a pro/serverless SQL warehouse (st_* functions): the st_* functions are not available on DBSQL Classic warehouses

CREATE OR REPLACE TABLE `o`.`t` AS
SELECT
  region,
  st_union_agg(geom) AS u,
  st_collect_agg(geom) AS c,
  st_envelope(st_collect_agg(geom)) AS e,
  st_convexhull(st_collect_agg(geom)) AS h,
  st_centroid(st_collect_agg(geom)) AS m
FROM `src`.`t`
GROUP BY region;
