-- Workflow 'test' compiled by cwf for BigQuery (script).
-- Needs the CARTO Analytics Toolbox for BigQuery (`carto-un`.carto): install the toolbox there, or give its location with --toolbox (or "toolbox" in the catalog), e.g. --toolbox carto-un-eu.carto

CREATE OR REPLACE TABLE out.cwf_output_located_geocoded AS
SELECT
  id,
  block
FROM src.crimes;

CALL `carto-un`.carto.GEOCODE_TABLE(
  NULL,
  NULL,
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
