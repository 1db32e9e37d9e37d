-- Workflow 'test' compiled by cwf for Snowflake (script).
-- Needs the CARTO Analytics Toolbox for Snowflake (CARTO.CARTO): install the toolbox there, or give its location with --toolbox (or "toolbox" in the catalog), e.g. --toolbox MYDB.CARTO

BEGIN TRANSACTION;

DROP TABLE IF EXISTS analytics.flood.cwf_floods;

CALL CARTO.CARTO.IMPORT_URL(
  'https://example.com/data/floods.csv',
  'snowflake',
  'analytics.flood.cwf_floods',
  '{"autoguessing": false}',
  NULL,
  NULL
);

CREATE OR REPLACE TABLE analytics.flood.severe AS
SELECT
  id,
  severity,
  geom
FROM analytics.flood.cwf_floods
WHERE severity > 2;

DROP TABLE IF EXISTS analytics.flood.cwf_floods;

COMMIT;
