-- Workflow 'test' compiled by cwf for Snowflake (script).
-- Needs the CARTO Analytics Toolbox for Snowflake (CARTO.CARTO): install the toolbox there, or give its location with --toolbox (or "toolbox" in the catalog), e.g. --toolbox MYDB.CARTO

BEGIN TRANSACTION;

DROP TABLE IF EXISTS out.cwf_output_reach;

CALL CARTO.CARTO.CREATE_ISOLINES(
  'SELECT\n  id,\n  name,\n  geom\nFROM src.hospitals',
  'out.cwf_output_reach',
  'geom',
  'walk',
  CAST(600.0 AS FLOAT),
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

COMMIT;
