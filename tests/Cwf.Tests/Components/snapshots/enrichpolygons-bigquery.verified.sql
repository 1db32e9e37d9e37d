-- Workflow 'test' compiled by cwf for BigQuery (script).
-- Needs the CARTO Analytics Toolbox for BigQuery (`carto-un`.carto): install the toolbox there, or give its location with --toolbox (or "toolbox" in the catalog), e.g. --toolbox carto-un-eu.carto

DROP TABLE IF EXISTS out.cwf_output_enriched;

CALL `carto-un`.carto.ENRICH_POLYGONS(
  'SELECT\n  id,\n  geom\nFROM src.buildings',
  'geom',
  'SELECT\n  gi,\n  p_value,\n  kind,\n  index_geo\nFROM src.hotspots',
  'index_geo',
  [STRUCT('gi' AS `column`, 'avg' AS aggregation), STRUCT('p_value' AS `column`, 'max' AS aggregation), STRUCT('kind' AS `column`, 'count' AS aggregation)],
  ['out.cwf_output_enriched']
);

CREATE OR REPLACE TABLE out.enriched AS
SELECT
  id,
  geom,
  gi_avg,
  p_value_max,
  kind_count
FROM out.cwf_output_enriched;

DROP TABLE IF EXISTS out.cwf_output_enriched;
