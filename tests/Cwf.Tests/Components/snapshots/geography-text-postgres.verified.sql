-- Workflow 't' compiled by cwf for PostgreSQL/PostGIS (script).

BEGIN;

SELECT pg_advisory_xact_lock(-7300864159258887091);

CREATE SCHEMA IF NOT EXISTS out;

DROP TABLE IF EXISTS out.shapes;

CREATE TABLE out.shapes AS
WITH
  shapes AS (
    SELECT *
    FROM (
      SELECT
        CAST(1 AS BIGINT) AS n,
        CASE WHEN (ST_IsValidDetail(ST_GeomFromText('POLYGON((0 0,2 2,2 0,0 2,0 0))', 4326))).valid THEN ST_GeomFromText('POLYGON((0 0,2 2,2 0,0 2,0 0))', 4326) ELSE ST_MakeValid(ST_GeomFromText('POLYGON((0 0,2 2,2 0,0 2,0 0))', 4326), 'method=structure') END AS geo
      UNION ALL
      SELECT
        CAST(2 AS BIGINT) AS n,
        CASE WHEN (ST_IsValidDetail(ST_SetSRID(ST_GeomFromGeoJSON('{"type": "Polygon", "coordinates": [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]}'), 4326))).valid THEN ST_SetSRID(ST_GeomFromGeoJSON('{"type": "Polygon", "coordinates": [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]}'), 4326) ELSE ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON('{"type": "Polygon", "coordinates": [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]}'), 4326), 'method=structure') END AS geo
      UNION ALL
      SELECT
        CAST(3 AS BIGINT) AS n,
        CASE WHEN (ST_IsValidDetail(ST_SetSRID(ST_GeomFromGeoJSON('{"type": "MultiPoint", "coordinates": [[1, 2], [3, 4]]}'), 4326))).valid THEN ST_SetSRID(ST_GeomFromGeoJSON('{"type": "MultiPoint", "coordinates": [[1, 2], [3, 4]]}'), 4326) ELSE ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON('{"type": "MultiPoint", "coordinates": [[1, 2], [3, 4]]}'), 4326), 'method=structure') END AS geo
    ) AS cwf_values
  )
SELECT
  n,
  CAST(ST_SetSRID(geo, 4326) AS geometry(Geometry,4326)) AS geo
FROM shapes;

COMMIT;
