-- Workflow 'test' compiled by cwf for Amazon Redshift (script).

BEGIN;

DROP TABLE IF EXISTS o.t;

CREATE TABLE o.t AS
WITH
  t AS (
    SELECT
      id,
      region,
      ts,
      ST_SetSRID(geom, 4326) AS geom
    FROM src.t
  )
SELECT
  region,
  ST_Collect(geom) AS c,
  ST_Envelope(ST_Collect(geom)) AS e,
  ST_ConvexHull(ST_Collect(geom)) AS h,
  ST_Centroid(ST_Collect(geom)) AS m,
  ST_LineFromMultiPoint(ST_Collect(geom) WITHIN GROUP (ORDER BY ts DESC NULLS LAST, ST_X(ST_Centroid(geom)) ASC NULLS LAST, ST_Y(ST_Centroid(geom)) ASC NULLS LAST)) AS l
FROM t
GROUP BY region;

COMMIT;
