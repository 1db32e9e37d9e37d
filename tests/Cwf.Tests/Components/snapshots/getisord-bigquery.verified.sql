-- Workflow 'test' compiled by cwf for BigQuery (script).
-- Needs the CARTO Analytics Toolbox for BigQuery (`carto-un`.carto): install the toolbox there, or give its location with --toolbox (or "toolbox" in the catalog), e.g. --toolbox carto-un-eu.carto

DROP TABLE IF EXISTS out.cwf_output_hotspots;

CALL `carto-un`.carto.GETIS_ORD_H3_TABLE(
  'SELECT\n  h3,\n  spatial_score\nFROM src.cells',
  'out.cwf_output_hotspots',
  'h3',
  'spatial_score',
  3,
  'gaussian'
);

CREATE OR REPLACE TABLE out.hotspots AS
SELECT
  index,
  gi,
  p_value
FROM out.cwf_output_hotspots;

DROP TABLE IF EXISTS out.cwf_output_hotspots;
