-- Workflow 't' compiled by cwf for Snowflake (script).

BEGIN TRANSACTION;

CREATE OR REPLACE TABLE out.shapes AS
SELECT *
FROM (
  SELECT
    CAST(1 AS BIGINT) AS n,
    TO_GEOGRAPHY('POLYGON((0 0,2 2,2 0,0 2,0 0))') AS geo
  UNION ALL
  SELECT
    CAST(2 AS BIGINT) AS n,
    TO_GEOGRAPHY('{"type": "Polygon", "coordinates": [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]}') AS geo
  UNION ALL
  SELECT
    CAST(3 AS BIGINT) AS n,
    TO_GEOGRAPHY('{"type": "MultiPoint", "coordinates": [[1, 2], [3, 4]]}') AS geo
) AS cwf_values;

COMMIT;
