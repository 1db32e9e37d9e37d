-- Workflow 't' compiled by cwf for DuckDB (script).
-- Needs the DuckDB spatial extension: INSTALL spatial; LOAD spatial;

BEGIN TRANSACTION;

CREATE SCHEMA IF NOT EXISTS out;

CREATE OR REPLACE TABLE out.shapes AS
SELECT *
FROM (
  SELECT
    CAST(1 AS BIGINT) AS n,
    CASE WHEN ST_IsValid(ST_GeomFromText('POLYGON((0 0,2 2,2 0,0 2,0 0))')) THEN ST_GeomFromText('POLYGON((0 0,2 2,2 0,0 2,0 0))') ELSE ST_MakeValid(ST_GeomFromText('POLYGON((0 0,2 2,2 0,0 2,0 0))')) END AS geo
  UNION ALL
  SELECT
    CAST(2 AS BIGINT) AS n,
    CASE WHEN ST_IsValid(ST_GeomFromGeoJSON('{"type": "Polygon", "coordinates": [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]}')) THEN ST_GeomFromGeoJSON('{"type": "Polygon", "coordinates": [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]}') ELSE ST_MakeValid(ST_GeomFromGeoJSON('{"type": "Polygon", "coordinates": [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]}')) END AS geo
  UNION ALL
  SELECT
    CAST(3 AS BIGINT) AS n,
    CASE WHEN ST_IsValid(ST_GeomFromGeoJSON('{"type": "MultiPoint", "coordinates": [[1, 2], [3, 4]]}')) THEN ST_GeomFromGeoJSON('{"type": "MultiPoint", "coordinates": [[1, 2], [3, 4]]}') ELSE ST_MakeValid(ST_GeomFromGeoJSON('{"type": "MultiPoint", "coordinates": [[1, 2], [3, 4]]}')) END AS geo
) AS cwf_values;

COMMIT;
