-- Workflow 'test' compiled by cwf for Amazon Redshift (script).
-- Needs the CARTO Analytics Toolbox for Amazon Redshift (carto): install the toolbox there, or give its location with --toolbox (or "toolbox" in the catalog), e.g. --toolbox analytics.carto

BEGIN;

DROP TABLE IF EXISTS analytics.flood.cwf_floods;

CALL carto.IMPORT_URL(
  'https://example.com/data/floods.csv',
  'redshift',
  'analytics.flood.cwf_floods',
  '{"autoguessing": false}',
  NULL,
  NULL
);

DROP TABLE IF EXISTS analytics.flood.severe;

CREATE TABLE analytics.flood.severe AS
SELECT
  id,
  severity,
  geom
FROM analytics.flood.cwf_floods
WHERE severity > 2;

DROP TABLE IF EXISTS analytics.flood.cwf_floods;

COMMIT;
