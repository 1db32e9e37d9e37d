-- Workflow 'test' compiled by cwf for Amazon Redshift (script).

BEGIN;

CREATE TEMPORARY TABLE cwf_r AS
SELECT
  region,
  ST_SetSRID(geom, 4326) AS geom
FROM src.regions;

CREATE TEMPORARY TABLE cwf_scored_1_filter AS
SELECT
  id,
  amount,
  region
FROM src.sales
WHERE amount > 10;

CALL analytics.score(cwf_scored_1_filter, 'cwf_r', `out.cwf_scored`);

DROP TABLE IF EXISTS out.scored;

CREATE TABLE out.scored AS
SELECT
  id,
  score
FROM out.cwf_scored
WHERE score > CAST(0.5 AS DOUBLE PRECISION);

DROP TABLE IF EXISTS out.cwf_scored;

DROP TABLE IF EXISTS cwf_scored_1_filter;

DROP TABLE IF EXISTS cwf_r;

COMMIT;
