-- Workflow 't' compiled by cwf for Databricks (script).

CREATE OR REPLACE TABLE `out`.`t` AS
WITH
  output_t_1_dump AS (
    SELECT
      l.id,
      cwf_dump.cwf_part AS geom,
      l.wkt
    FROM `src`.`t` AS l
    LATERAL VIEW explode(st_dump(l.geom)) cwf_dump AS cwf_part
  )
SELECT
  id,
  geom,
  wkt
FROM output_t_1_dump
WHERE id > 1;
