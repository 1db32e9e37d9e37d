-- Workflow 'test' compiled by cwf for BigQuery (script).
-- Needs the CARTO Analytics Toolbox for BigQuery (`carto-un`.carto): install the toolbox there, or give its location with --toolbox (or "toolbox" in the catalog), e.g. --toolbox carto-un-eu.carto

DROP TABLE IF EXISTS out.cwf_output_reach;

CALL `carto-un`.carto.CREATE_ISOLINES(
  NULL,
  NULL,
  'SELECT\n  id,\n  name,\n  geom\nFROM src.hospitals',
  'out.cwf_output_reach',
  'geom',
  'walk',
  600.0,
  'time',
  '{"polygons_filter":{"limit":1},"carto_keep_orig_geom":true}'
);

CREATE OR REPLACE TABLE out.reach AS
SELECT
  id,
  name,
  geom,
  carto_isoline_metadata
FROM out.cwf_output_reach;

DROP TABLE IF EXISTS out.cwf_output_reach;
