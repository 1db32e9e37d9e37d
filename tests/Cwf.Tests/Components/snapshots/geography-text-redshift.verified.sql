-- Workflow 't' compiled by cwf for Amazon Redshift (script).

BEGIN;

DROP TABLE IF EXISTS out.shapes;

CREATE TABLE out.shapes AS
SELECT *
FROM (
  SELECT
    CAST(1 AS BIGINT) AS n,
    ST_GeomFromText('POLYGON((0 0,2 2,2 0,0 2,0 0))', 4326) AS geo
  UNION ALL
  SELECT
    CAST(2 AS BIGINT) AS n,
    ST_GeomFromGeoJSON('{"type": "Polygon", "coordinates": [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]}') AS geo
  UNION ALL
  SELECT
    CAST(3 AS BIGINT) AS n,
    ST_GeomFromGeoJSON('{"type": "MultiPoint", "coordinates": [[1, 2], [3, 4]]}') AS geo
) AS cwf_values;

COMMIT;
