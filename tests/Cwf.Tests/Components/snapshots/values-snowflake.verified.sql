-- Workflow 't' compiled by cwf for Snowflake (script).

BEGIN TRANSACTION;

CREATE OR REPLACE TABLE out.p AS
SELECT *
FROM (
  SELECT
    CAST(1 AS BIGINT) AS id,
    CAST('a\'b\\\\c' AS VARCHAR) AS label,
    CAST(1.5 AS FLOAT) AS "we""ird name",
    TO_GEOGRAPHY('POINT(1 2)') AS geo
  UNION ALL
  SELECT
    CAST(2 AS BIGINT) AS id,
    CAST(NULL AS VARCHAR) AS label,
    CAST(NULL AS FLOAT) AS "we""ird name",
    ST_MAKEPOINT(3, 4) AS geo
) AS cwf_values;

CREATE OR REPLACE TABLE out.nothing AS
SELECT *
FROM (
  SELECT
    CAST(NULL AS BIGINT) AS n,
    CAST(NULL AS GEOGRAPHY) AS g
  LIMIT 0
) AS cwf_values;

COMMIT;
