-- Workflow 't' compiled by cwf for Databricks (script).
-- Needs Databricks Runtime 17.1+ or a pro/serverless SQL warehouse (st_* functions): the st_* functions are not available on DBSQL Classic warehouses

CREATE OR REPLACE TABLE `out`.`shapes` AS
SELECT *
FROM (
  SELECT
    CAST(1 AS BIGINT) AS n,
    st_geomfromtext('POLYGON((0 0,2 2,2 0,0 2,0 0))', 4326) AS geo
  UNION ALL
  SELECT
    CAST(2 AS BIGINT) AS n,
    st_geomfromgeojson('{"type": "Polygon", "coordinates": [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]}') AS geo
  UNION ALL
  SELECT
    CAST(3 AS BIGINT) AS n,
    st_geomfromgeojson('{"type": "MultiPoint", "coordinates": [[1, 2], [3, 4]]}') AS geo
) AS cwf_values;
