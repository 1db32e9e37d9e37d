-- Workflow 'test' compiled by cwf for Amazon Redshift (script).
-- Needs the CARTO Analytics Toolbox for Amazon Redshift (carto): install the toolbox there, or give its location with --toolbox (or "toolbox" in the catalog), e.g. --toolbox analytics.carto

BEGIN;

DROP TABLE IF EXISTS out.cwf_output_reach;

CALL carto.CREATE_ISOLINES(
  'SELECT\n  id,\n  name,\n  ST_SetSRID(geom, 4326) AS geom\nFROM src.hospitals',
  'out.cwf_output_reach',
  'geom',
  'walk',
  CAST(600.0 AS DOUBLE PRECISION),
  'time',
  '{"polygons_filter":{"limit":1},"carto_keep_orig_geom":true}'
);

DROP TABLE IF EXISTS out.reach;

CREATE TABLE out.reach AS
SELECT
  id,
  name,
  geom,
  carto_isoline_metadata
FROM out.cwf_output_reach;

DROP TABLE IF EXISTS out.cwf_output_reach;

COMMIT;
