-- Workflow 'test' compiled by cwf for Amazon Redshift (script).
-- Needs the CARTO Analytics Toolbox for Amazon Redshift (carto): install the toolbox there, or give its location with --toolbox (or "toolbox" in the catalog), e.g. --toolbox analytics.carto

BEGIN;

DROP TABLE IF EXISTS out.cwf_output_enriched;

CALL carto.ENRICH_POLYGONS(
  'SELECT\n  id,\n  ST_SetSRID(geom, 4326) AS geom\nFROM src.buildings',
  'geom',
  'SELECT\n  gi,\n  p_value,\n  kind,\n  ST_SetSRID(index_geo, 4326) AS index_geo\nFROM src.hotspots',
  'index_geo',
  '{"variables":[["gi","avg"],["p_value","max"],["kind","count"]]}',
  'out.cwf_output_enriched'
);

DROP TABLE IF EXISTS out.enriched;

CREATE TABLE out.enriched AS
SELECT
  id,
  geom,
  gi_avg,
  p_value_max,
  kind_count
FROM out.cwf_output_enriched;

DROP TABLE IF EXISTS out.cwf_output_enriched;

COMMIT;
