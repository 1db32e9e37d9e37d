-- Workflow 'test' compiled by cwf for PostgreSQL/PostGIS (script).

BEGIN;

SELECT pg_advisory_xact_lock(-2361049739940642655);

CREATE SCHEMA IF NOT EXISTS out;

CREATE TEMPORARY TABLE cwf_r AS
SELECT
  region,
  (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_SetSRID(CAST(geom AS geometry), 4326) AS cwf_g) AS r) AS geom
FROM src.regions
OFFSET 0;

CREATE INDEX ON cwf_r USING GIST (geom);

ANALYZE cwf_r;

CREATE TEMPORARY TABLE cwf_scored_1_filter AS
SELECT
  id,
  amount,
  region
FROM src.sales
WHERE amount > 10;

ANALYZE cwf_scored_1_filter;

CALL analytics.score(cwf_scored_1_filter, 'cwf_r', `out.cwf_scored`);

DROP TABLE IF EXISTS out.scored;

CREATE TABLE out.scored AS
SELECT
  id,
  score
FROM out.cwf_scored
WHERE score > CAST(0.5 AS DOUBLE PRECISION);

DROP TABLE IF EXISTS out.cwf_scored;

DROP TABLE IF EXISTS pg_temp.cwf_scored_1_filter;

DROP TABLE IF EXISTS pg_temp.cwf_r;

COMMIT;
