-- Workflow 'test' compiled by cwf for Snowflake (script).

BEGIN TRANSACTION;

CREATE OR REPLACE TABLE o.t AS
SELECT
  region,
  ST_UNION_AGG(geom) AS u,
  ST_COLLECT(geom) AS c,
  ST_ENVELOPE(ST_COLLECT(geom)) AS e,
  ST_CENTROID(ST_COLLECT(geom)) AS m
FROM src.t
GROUP BY region;

COMMIT;
