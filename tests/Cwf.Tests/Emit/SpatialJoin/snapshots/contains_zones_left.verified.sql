-- Workflow 'spatial join' compiled by cwf for PostgreSQL/PostGIS (script).

BEGIN;

SELECT pg_advisory_xact_lock(379487507863461328);

CREATE SCHEMA IF NOT EXISTS out;

CREATE TEMPORARY TABLE cwf_matched_side AS
SELECT ROW_NUMBER() OVER () AS cwf_row, s.*
FROM (
  SELECT
    zone_id,
    zone,
    (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_SetSRID(CAST(geom AS geometry), 4326) AS cwf_g) AS r) AS geom
  FROM geo.zones
  OFFSET 0
) AS s;

CREATE INDEX ON cwf_matched_side (cwf_row);

ANALYZE cwf_matched_side;

CREATE TEMPORARY TABLE cwf_matched_pieces AS
SELECT s.cwf_row, cwf_cut.cwf_piece
FROM cwf_matched_side AS s
CROSS JOIN LATERAL ST_Dump(s.geom) AS cwf_part
CROSS JOIN LATERAL ST_Subdivide(cwf_part.geom, 64) AS cwf_cut(cwf_piece);

CREATE INDEX ON cwf_matched_pieces USING GIST (cwf_piece);

ANALYZE cwf_matched_pieces;

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
  matched AS (
    SELECT
      l.zone_id,
      l.zone,
      l.geom AS zone_geom,
      r.id,
      r.name
    FROM cities AS r
    CROSS JOIN LATERAL (
      SELECT l.*
      FROM (
        SELECT
          p.cwf_row,
          BOOL_OR(ST_Contains(p.cwf_piece, r.geom)) AS cwf_sure
        FROM cwf_matched_pieces AS p
        WHERE ST_Intersects(r.geom, p.cwf_piece)
        GROUP BY p.cwf_row
      ) AS m
      INNER JOIN cwf_matched_side AS l ON l.cwf_row = m.cwf_row
      WHERE CASE WHEN m.cwf_sure THEN TRUE ELSE ST_Contains(l.geom, r.geom) END
    ) AS l
  )
SELECT
  zone_id,
  zone,
  CAST(ST_SetSRID(zone_geom, 4326) AS geometry(Geometry,4326)) AS zone_geom,
  id,
  name
FROM matched;

DROP TABLE IF EXISTS pg_temp.cwf_matched_pieces;

DROP TABLE IF EXISTS pg_temp.cwf_matched_side;

COMMIT;
