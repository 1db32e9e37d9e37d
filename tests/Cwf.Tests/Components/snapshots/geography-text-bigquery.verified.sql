-- Workflow 't' compiled by cwf for BigQuery (script).

CREATE OR REPLACE TABLE out.shapes AS
SELECT *
FROM (
  SELECT
    CAST(1 AS INT64) AS n,
    ST_GEOGFROMTEXT('POLYGON((0 0,2 2,2 0,0 2,0 0))', make_valid => TRUE) AS geo
  UNION ALL
  SELECT
    CAST(2 AS INT64) AS n,
    ST_GEOGFROMGEOJSON('{"type": "Polygon", "coordinates": [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]}', make_valid => TRUE) AS geo
  UNION ALL
  SELECT
    CAST(3 AS INT64) AS n,
    ST_GEOGFROMGEOJSON('{"type": "MultiPoint", "coordinates": [[1, 2], [3, 4]]}', make_valid => TRUE) AS geo
) AS cwf_values;
