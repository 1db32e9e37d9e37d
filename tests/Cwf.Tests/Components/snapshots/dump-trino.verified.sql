-- Workflow 't' compiled by cwf for Trino (script).

DROP TABLE IF EXISTS out.t;

CREATE TABLE out.t AS
WITH
  t AS (
    SELECT
      id,
      ST_GeomFromBinary(geom) AS geom,
      wkt
    FROM src.t
  ),
  output_t_1_dump AS (
    SELECT
      l.id,
      cwf_dump.cwf_part AS geom,
      l.wkt
    FROM t AS l
    CROSS JOIN UNNEST(ST_Geometries(l.geom)) AS cwf_dump(cwf_part)
  ),
  output_t AS (
    SELECT
      id,
      geom,
      wkt
    FROM output_t_1_dump
    WHERE id > 1
  )
SELECT
  id,
  ST_AsBinary(geom) AS geom,
  wkt
FROM output_t;
