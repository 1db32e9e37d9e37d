-- Workflow 'test' compiled by cwf for Trino (script).

DROP TABLE IF EXISTS o.t;

CREATE TABLE o.t AS
WITH
  t AS (
    SELECT
      id,
      region,
      ts,
      ST_GeomFromBinary(geom) AS geom
    FROM src.t
  ),
  output_t AS (
    SELECT
      region,
      geometry_union_agg(geom) AS u,
      ST_Envelope(geometry_union_agg(geom)) AS e,
      convex_hull_agg(geom) AS h,
      ST_Centroid(geometry_union_agg(geom)) AS m,
      ST_LineString(array_agg(geom ORDER BY ts DESC NULLS LAST, ST_X(ST_Centroid(geom)) ASC NULLS LAST, ST_Y(ST_Centroid(geom)) ASC NULLS LAST) FILTER (WHERE geom IS NOT NULL)) AS l
    FROM t
    GROUP BY region
  )
SELECT
  region,
  ST_AsBinary(u) AS u,
  ST_AsBinary(e) AS e,
  ST_AsBinary(h) AS h,
  ST_AsBinary(m) AS m,
  ST_AsBinary(l) AS l
FROM output_t;
