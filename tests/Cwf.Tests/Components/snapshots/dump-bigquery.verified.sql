-- Workflow 't' compiled by cwf for BigQuery (script).

CREATE OR REPLACE TABLE out.t AS
WITH
  output_t_1_dump AS (
    SELECT
      l.id,
      cwf_part AS geom,
      l.wkt
    FROM src.t AS l
    CROSS JOIN UNNEST(ST_DUMP(l.geom)) AS cwf_part
  )
SELECT
  id,
  geom,
  wkt
FROM output_t_1_dump
WHERE id > 1;
