-- Workflow 'test' compiled by cwf for BigQuery (script).
-- Needs the CARTO Analytics Toolbox for BigQuery (`carto-un`.carto): install the toolbox there, or give its location with --toolbox (or "toolbox" in the catalog), e.g. --toolbox carto-un-eu.carto

DROP TABLE IF EXISTS out.cwf_output_lisa;

CALL `carto-un`.carto.LOCAL_MORANS_I_QUADBIN_TABLE(
  'SELECT\n  q,\n  n\nFROM src.cells',
  'out.cwf_output_lisa',
  'q',
  'n',
  2,
  'inverse',
  85
);

CREATE OR REPLACE TABLE out.lisa AS
SELECT
  index,
  value,
  psim,
  quad
FROM out.cwf_output_lisa;

DROP TABLE IF EXISTS out.cwf_output_lisa;
