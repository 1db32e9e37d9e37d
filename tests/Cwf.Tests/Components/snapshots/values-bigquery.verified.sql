-- Workflow 't' compiled by cwf for BigQuery (script).

CREATE OR REPLACE TABLE out.p AS
SELECT *
FROM (
  SELECT
    CAST(1 AS INT64) AS id,
    CAST('a\'b\\\\c' AS STRING) AS label,
    1.5 AS `we"ird name`,
    ST_GEOGFROMTEXT('POINT(1 2)', make_valid => TRUE) AS geo
  UNION ALL
  SELECT
    CAST(2 AS INT64) AS id,
    CAST(NULL AS STRING) AS label,
    CAST(NULL AS FLOAT64) AS `we"ird name`,
    ST_GEOGPOINT(3, 4) AS geo
) AS cwf_values;

CREATE OR REPLACE TABLE out.nothing AS
SELECT *
FROM (
  SELECT
    CAST(NULL AS INT64) AS n,
    CAST(NULL AS GEOGRAPHY) AS g
  LIMIT 0
) AS cwf_values;
