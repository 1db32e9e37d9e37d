-- Workflow 'test' compiled by cwf for Databricks (script).
-- Needs the CARTO Analytics Toolbox for Databricks (carto): install the toolbox there, or give its location with --toolbox (or "toolbox" in the catalog), e.g. --toolbox analytics.carto

DROP TABLE IF EXISTS `out`.`cwf_output_enriched`;

CALL carto.ENRICH_POINTS(
  'SELECT\n  id,\n  geom\nFROM `src`.`buildings`',
  'geom',
  'SELECT\n  gi,\n  p_value,\n  kind,\n  index_geo\nFROM `src`.`hotspots`',
  'index_geo',
  '[{"column":"gi","aggregation":"avg"},{"column":"p_value","aggregation":"max"},{"column":"kind","aggregation":"count"}]',
  '`out`.`cwf_output_enriched`'
);

CREATE OR REPLACE TABLE `out`.`enriched` AS
SELECT
  id,
  geom,
  gi_avg,
  p_value_max,
  kind_count
FROM `out`.`cwf_output_enriched`;

DROP TABLE IF EXISTS `out`.`cwf_output_enriched`;
