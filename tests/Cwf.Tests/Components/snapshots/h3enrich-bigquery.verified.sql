-- Workflow 'test' compiled by cwf for BigQuery (script).
-- Needs the CARTO Analytics Toolbox for BigQuery (`carto-un`.carto): install the toolbox there, or give its location with --toolbox (or "toolbox" in the catalog), e.g. --toolbox carto-un-eu.carto

DROP TABLE IF EXISTS out.cwf_output_enriched;

CALL `carto-un`.carto.ENRICH_GRID(
  'h3',
  'SELECT\n  h3,\n  shape\nFROM src.cells',
  'h3',
  'SELECT\n  geometry_length,\n  kind,\n  geometry\nFROM src.roads',
  'geometry',
  [STRUCT('geometry_length' AS `column`, 'sum' AS aggregation), STRUCT('kind' AS `column`, 'count' AS aggregation)],
  ['out.cwf_output_enriched']
);

CREATE OR REPLACE TABLE out.enriched AS
SELECT
  h3,
  shape,
  geometry_length_sum,
  kind_count
FROM out.cwf_output_enriched;

DROP TABLE IF EXISTS out.cwf_output_enriched;
