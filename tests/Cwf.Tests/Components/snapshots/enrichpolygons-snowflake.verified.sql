-- Workflow 'test' compiled by cwf for Snowflake (script).
-- Needs the CARTO Analytics Toolbox for Snowflake (CARTO.CARTO): install the toolbox there, or give its location with --toolbox (or "toolbox" in the catalog), e.g. --toolbox MYDB.CARTO

BEGIN TRANSACTION;

DROP TABLE IF EXISTS out.cwf_output_enriched;

CALL CARTO.CARTO.ENRICH_POLYGONS(
  'SELECT\n  id,\n  geom\nFROM src.buildings',
  'geom',
  'SELECT\n  gi,\n  p_value,\n  kind,\n  index_geo\nFROM src.hotspots',
  'index_geo',
  ARRAY_CONSTRUCT(OBJECT_CONSTRUCT('column', 'gi', 'aggregation', 'avg'), OBJECT_CONSTRUCT('column', 'p_value', 'aggregation', 'max'), OBJECT_CONSTRUCT('column', 'kind', 'aggregation', 'count')),
  ARRAY_CONSTRUCT('out.cwf_output_enriched')
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

COMMIT;
