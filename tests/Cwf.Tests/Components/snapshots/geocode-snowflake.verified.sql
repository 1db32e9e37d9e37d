-- Workflow 'test' compiled by cwf for Snowflake (script).
-- Needs the CARTO Analytics Toolbox for Snowflake (CARTO.CARTO): install the toolbox there, or give its location with --toolbox (or "toolbox" in the catalog), e.g. --toolbox MYDB.CARTO

BEGIN TRANSACTION;

CREATE OR REPLACE TABLE out.cwf_output_located_geocoded AS
SELECT
  id,
  block
FROM src.crimes;

CALL CARTO.CARTO.GEOCODE_TABLE(
  'out.cwf_output_located_geocoded',
  'block',
  'geom',
  'US',
  NULL
);

CREATE OR REPLACE TABLE out.located AS
SELECT
  id,
  block,
  geom,
  carto_geocode_metadata
FROM out.cwf_output_located_geocoded
WHERE geom IS NOT NULL;

DROP TABLE IF EXISTS out.cwf_output_located_geocoded;

COMMIT;
