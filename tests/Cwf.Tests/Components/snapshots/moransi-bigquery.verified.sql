-- Workflow 'test' compiled by cwf for BigQuery (script).
-- Needs the CARTO Analytics Toolbox for BigQuery (`carto-un`.carto): install the toolbox there, or give its location with --toolbox (or "toolbox" in the catalog), e.g. --toolbox carto-un-eu.carto

DROP TABLE IF EXISTS out.cwf_output_morans;

CALL `carto-un`.carto.MORANS_I_QUADBIN_TABLE(
  'SELECT\n  q,\n  n\nFROM src.cells',
  'out.cwf_output_morans',
  'q',
  'n',
  2,
  'inverse'
);

CREATE OR REPLACE TABLE out.morans AS
SELECT *
FROM out.cwf_output_morans;

DROP TABLE IF EXISTS out.cwf_output_morans;
