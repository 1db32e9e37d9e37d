-- Workflow 'test' compiled by cwf for Amazon Redshift (script).
-- Needs the CARTO Analytics Toolbox for Amazon Redshift (carto): install the toolbox there, or give its location with --toolbox (or "toolbox" in the catalog), e.g. --toolbox analytics.carto

BEGIN;

DROP TABLE IF EXISTS out.cwf_output_located_geocoded;

CREATE TABLE out.cwf_output_located_geocoded AS
SELECT
  id,
  block
FROM src.crimes;

CALL carto.GEOCODE_TABLE(
  'out.cwf_output_located_geocoded',
  'block',
  'geom',
  'US',
  NULL
);

DROP TABLE IF EXISTS out.located;

CREATE TABLE out.located AS
SELECT
  id,
  block,
  geom,
  carto_geocode_metadata
FROM out.cwf_output_located_geocoded
WHERE geom IS NOT NULL;

DROP TABLE IF EXISTS out.cwf_output_located_geocoded;

COMMIT;
