-- Workflow 't' compiled by cwf for Databricks (script).
-- Needs Databricks Runtime 17.1+ or a pro/serverless SQL warehouse (st_* functions): the st_* functions are not available on DBSQL Classic warehouses

CREATE OR REPLACE TABLE `out`.`p` AS
SELECT *
FROM (
  SELECT
    CAST(1 AS BIGINT) AS id,
    CAST('a\'b\\\\c' AS STRING) AS label,
    CAST(1.5 AS DOUBLE) AS `we"ird name`,
    st_geomfromtext('POINT(1 2)', 4326) AS geo
  UNION ALL
  SELECT
    CAST(2 AS BIGINT) AS id,
    CAST(NULL AS STRING) AS label,
    CAST(NULL AS DOUBLE) AS `we"ird name`,
    st_point(3, 4, 4326) AS geo
) AS cwf_values;

CREATE OR REPLACE TABLE `out`.`nothing` AS
SELECT *
FROM (
  SELECT
    CAST(NULL AS BIGINT) AS n,
    CAST(NULL AS GEOMETRY(4326)) AS g
  LIMIT 0
) AS cwf_values;
