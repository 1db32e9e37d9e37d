-- Workflow 'spatial filter' compiled by cwf for PostgreSQL/PostGIS (script).

BEGIN;

SELECT pg_advisory_xact_lock(379487507863461328);

CREATE SCHEMA IF NOT EXISTS out;

CREATE TEMPORARY TABLE cwf_unmatched_side AS
SELECT ROW_NUMBER() OVER () AS cwf_row, s.*
FROM (
  SELECT
    zone_id,
    zone,
    (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_SetSRID(CAST(geom AS geometry), 4326) AS cwf_g) AS r) AS geom
  FROM geo.zones
  OFFSET 0
) AS s;

CREATE INDEX ON cwf_unmatched_side (cwf_row);

ANALYZE cwf_unmatched_side;

CREATE TEMPORARY TABLE cwf_unmatched_pieces AS
SELECT s.cwf_row, cwf_cut.cwf_piece
FROM cwf_unmatched_side AS s
CROSS JOIN LATERAL ST_Dump(s.geom) AS cwf_part
CROSS JOIN LATERAL ST_Subdivide(cwf_part.geom, 64) AS cwf_cut(cwf_piece);

CREATE INDEX ON cwf_unmatched_pieces USING GIST (cwf_piece);

ANALYZE cwf_unmatched_pieces;

DROP TABLE IF EXISTS out.matches;

CREATE TABLE out.matches AS
WITH
  cities AS (
    SELECT
      id,
      name,
      pop,
      (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_SetSRID(CAST(geom AS geometry), 4326) AS cwf_g) AS r) AS geom
    FROM geo.cities
    OFFSET 0
  ),
  unmatched AS (
    SELECT
      l.id,
      l.name,
      l.pop,
      l.geom
    FROM cities AS l
    WHERE NOT EXISTS (
      SELECT 1
      FROM cwf_unmatched_pieces AS p
      INNER JOIN cwf_unmatched_side AS r ON r.cwf_row = p.cwf_row
      WHERE ST_Intersects(l.geom, p.cwf_piece)
        AND ST_Touches(l.geom, r.geom)
    )
  )
SELECT
  id,
  name,
  pop,
  CAST(ST_SetSRID(geom, 4326) AS geometry(Geometry,4326)) AS geom
FROM unmatched;

DROP TABLE IF EXISTS pg_temp.cwf_unmatched_pieces;

DROP TABLE IF EXISTS pg_temp.cwf_unmatched_side;

COMMIT;
