-- Workflow 'test' compiled by cwf for BigQuery (script).

CREATE OR REPLACE TABLE o.t AS
SELECT
  region,
  ST_UNION_AGG(geom) AS u,
  ST_UNION_AGG(geom) AS c,
  ST_MAKEPOLYGON(ST_MAKELINE([ST_GEOGPOINT(ST_EXTENT(geom).xmin, ST_EXTENT(geom).ymin), ST_GEOGPOINT(ST_EXTENT(geom).xmin, ST_EXTENT(geom).ymax), ST_GEOGPOINT(ST_EXTENT(geom).xmax, ST_EXTENT(geom).ymax), ST_GEOGPOINT(ST_EXTENT(geom).xmax, ST_EXTENT(geom).ymin)])) AS e,
  ST_CONVEXHULL(ST_UNION_AGG(geom)) AS h,
  ST_CENTROID_AGG(geom) AS m,
  ST_MAKELINE(ARRAY_AGG(geom IGNORE NULLS ORDER BY ts DESC NULLS LAST, ST_X(ST_CENTROID(geom)) ASC NULLS LAST, ST_Y(ST_CENTROID(geom)) ASC NULLS LAST)) AS l
FROM src.t
GROUP BY region;
