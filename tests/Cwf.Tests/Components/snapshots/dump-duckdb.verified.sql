-- Workflow 't' compiled by cwf for DuckDB (script).

BEGIN TRANSACTION;

CREATE SCHEMA IF NOT EXISTS out;

CREATE OR REPLACE TABLE out.t AS
WITH
  t AS (
    SELECT
      id,
      CASE WHEN ST_IsValid(geom) THEN geom ELSE ST_MakeValid(geom) END AS geom,
      wkt
    FROM src.t
  ),
  output_t_1_dump AS (
    SELECT
      l.id,
      struct_extract(cwf_dump.cwf_part, 'geom') AS geom,
      l.wkt
    FROM t AS l
    CROSS JOIN UNNEST(ST_Dump(l.geom)) AS cwf_dump(cwf_part)
  )
SELECT
  id,
  geom,
  wkt
FROM output_t_1_dump
WHERE id > 1;

COMMIT;
