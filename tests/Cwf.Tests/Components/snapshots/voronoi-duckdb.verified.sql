-- Workflow 'test' compiled by cwf for DuckDB (script).

BEGIN TRANSACTION;

CREATE SCHEMA IF NOT EXISTS o;

CREATE OR REPLACE TABLE o.cells AS
WITH
  t AS (
    SELECT
      id,
      CASE WHEN ST_IsValid(geom) THEN geom ELSE ST_MakeValid(geom) END AS geom
    FROM src.t
  ),
  output_cells_points AS (
    SELECT
      CASE WHEN ST_IsValid(ST_Collect(list(geom) FILTER (WHERE geom IS NOT NULL))) THEN ST_Collect(list(geom) FILTER (WHERE geom IS NOT NULL)) ELSE ST_MakeValid(ST_Collect(list(geom) FILTER (WHERE geom IS NOT NULL))) END AS geom
    FROM t
  )
SELECT
  struct_extract(cwf_dump.cwf_part, 'geom') AS geom
FROM output_cells_points AS l
CROSS JOIN UNNEST(ST_Dump(ST_VoronoiDiagram(l.geom))) AS cwf_dump(cwf_part);

COMMIT;
