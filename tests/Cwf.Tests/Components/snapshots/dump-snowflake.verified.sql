-- Workflow 't' compiled by cwf for Snowflake (script).

BEGIN TRANSACTION;

CREATE OR REPLACE TABLE out.t AS
WITH
  output_t_1_dump AS (
    SELECT
      l.id,
      CASE WHEN GET(ST_ASGEOJSON(l.geom), 'type')::STRING LIKE 'Multi%' THEN TO_GEOGRAPHY(OBJECT_CONSTRUCT('type', SUBSTR(GET(ST_ASGEOJSON(l.geom), 'type')::STRING, 6), 'coordinates', cwf_part.VALUE)) ELSE TO_GEOGRAPHY(cwf_part.VALUE) END AS geom,
      l.wkt
    FROM src.t AS l
    CROSS JOIN LATERAL FLATTEN(INPUT => CASE WHEN GET(ST_ASGEOJSON(l.geom), 'type')::STRING LIKE 'Multi%' THEN GET(ST_ASGEOJSON(l.geom), 'coordinates') WHEN GET(ST_ASGEOJSON(l.geom), 'type')::STRING = 'GeometryCollection' THEN GET(ST_ASGEOJSON(l.geom), 'geometries') ELSE ARRAY_CONSTRUCT(ST_ASGEOJSON(l.geom)) END) AS cwf_part
  )
SELECT
  id,
  geom,
  wkt
FROM output_t_1_dump
WHERE id > 1;

COMMIT;
