-- Workflow 't' compiled by cwf for Trino (script).

DROP TABLE IF EXISTS out.shapes;

CREATE TABLE out.shapes AS
WITH
  shapes AS (
    SELECT *
    FROM (
      SELECT
        CAST(1 AS BIGINT) AS n,
        ST_GeometryFromText('POLYGON((0 0,2 2,2 0,0 2,0 0))') AS geo
      UNION ALL
      SELECT
        CAST(2 AS BIGINT) AS n,
        to_geometry(from_geojson_geometry('{"type": "Polygon", "coordinates": [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]}')) AS geo
      UNION ALL
      SELECT
        CAST(3 AS BIGINT) AS n,
        to_geometry(from_geojson_geometry('{"type": "MultiPoint", "coordinates": [[1, 2], [3, 4]]}')) AS geo
    ) AS cwf_values
  )
SELECT
  n,
  ST_AsBinary(geo) AS geo
FROM shapes;
