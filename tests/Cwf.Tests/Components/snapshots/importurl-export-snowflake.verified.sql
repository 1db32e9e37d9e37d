-- Workflow 'Import from URL (the node of a public Snowflake export, find_string id 23516758356)' compiled by cwf for Snowflake (script).
-- Needs the CARTO Analytics Toolbox for Snowflake (CARTO.CARTO): install the toolbox there, or give its location with --toolbox (or "toolbox" in the catalog), e.g. --toolbox MYDB.CARTO

BEGIN TRANSACTION;

DROP TABLE IF EXISTS ANALYTICS.FLOODS.cwf_import_from_url;

CALL CARTO.CARTO.IMPORT_URL(
  'https://environment.data.gov.uk/flood-monitoring/id/floods.csv',
  'snowflake',
  'ANALYTICS.FLOODS.cwf_import_from_url',
  '{"autoguessing": true}',
  NULL,
  NULL
);

CREATE OR REPLACE TABLE ANALYTICS.FLOODS.CURRENT_FLOODS AS
SELECT *
FROM ANALYTICS.FLOODS.cwf_import_from_url;

DROP TABLE IF EXISTS ANALYTICS.FLOODS.cwf_import_from_url;

COMMIT;
