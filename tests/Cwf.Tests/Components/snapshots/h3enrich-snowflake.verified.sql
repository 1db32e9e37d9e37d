-- Workflow 'test' compiled by cwf for Snowflake (script).
-- Needs the CARTO Analytics Toolbox for Snowflake (CARTO.CARTO): install the toolbox there, or give its location with --toolbox (or "toolbox" in the catalog), e.g. --toolbox MYDB.CARTO

BEGIN TRANSACTION;

DROP TABLE IF EXISTS out.cwf_output_enriched;

CALL CARTO.CARTO.ENRICH_GRID(
  'h3',
  'SELECT\n  h3,\n  shape\nFROM src.cells',
  'h3',
  'SELECT\n  geometry_length,\n  kind,\n  geometry\nFROM src.roads',
  'geometry',
  ARRAY_CONSTRUCT(OBJECT_CONSTRUCT('column', 'geometry_length', 'aggregation', 'sum'), OBJECT_CONSTRUCT('column', 'kind', 'aggregation', 'count')),
  ARRAY_CONSTRUCT('out.cwf_output_enriched')
);

CREATE OR REPLACE TABLE out.enriched AS
SELECT
  h3,
  shape,
  geometry_length_sum,
  kind_count
FROM out.cwf_output_enriched;

DROP TABLE IF EXISTS out.cwf_output_enriched;

COMMIT;
