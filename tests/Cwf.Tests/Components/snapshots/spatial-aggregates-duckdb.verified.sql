-- Workflow 'test' compiled by cwf for DuckDB (script).
-- Needs the DuckDB spatial extension: INSTALL spatial; LOAD spatial;

BEGIN TRANSACTION;

CREATE SCHEMA IF NOT EXISTS o;

CREATE OR REPLACE TABLE o.t AS
WITH
  t AS (
    SELECT
      id,
      region,
      ts,
      CASE WHEN ST_IsValid(geom) THEN geom ELSE ST_MakeValid(geom) END AS geom
    FROM src.t
  )
SELECT
  region,
  ST_Union_Agg(geom) AS u,
  CASE WHEN ST_IsValid(ST_Collect(list(geom) FILTER (WHERE geom IS NOT NULL))) THEN ST_Collect(list(geom) FILTER (WHERE geom IS NOT NULL)) ELSE ST_MakeValid(ST_Collect(list(geom) FILTER (WHERE geom IS NOT NULL))) END AS c,
  ST_Envelope(ST_Collect(list(geom) FILTER (WHERE geom IS NOT NULL))) AS e,
  ST_ConvexHull(ST_Collect(list(geom) FILTER (WHERE geom IS NOT NULL))) AS h,
  ST_Centroid(ST_Collect(list(geom) FILTER (WHERE geom IS NOT NULL))) AS m,
  CASE WHEN ST_IsValid(ST_MakeLine(list(geom ORDER BY ts DESC NULLS LAST, ST_X(ST_Centroid(geom)) ASC NULLS LAST, ST_Y(ST_Centroid(geom)) ASC NULLS LAST) FILTER (WHERE geom IS NOT NULL))) THEN ST_MakeLine(list(geom ORDER BY ts DESC NULLS LAST, ST_X(ST_Centroid(geom)) ASC NULLS LAST, ST_Y(ST_Centroid(geom)) ASC NULLS LAST) FILTER (WHERE geom IS NOT NULL)) ELSE ST_MakeValid(ST_MakeLine(list(geom ORDER BY ts DESC NULLS LAST, ST_X(ST_Centroid(geom)) ASC NULLS LAST, ST_Y(ST_Centroid(geom)) ASC NULLS LAST) FILTER (WHERE geom IS NOT NULL))) END AS l
FROM t
GROUP BY region;

COMMIT;
