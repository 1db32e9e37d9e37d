-- Workflow 'spatial' compiled by cwf for PostgreSQL/PostGIS (script).
-- Needs the h3-pg extension (h3 and h3_postgis): CREATE EXTENSION h3; CREATE EXTENSION h3_postgis;

BEGIN;

SELECT pg_advisory_xact_lock(-2447944324153135461);

CREATE SCHEMA IF NOT EXISTS geo;

DROP TABLE IF EXISTS geo.place_buffers;

CREATE TABLE geo.place_buffers AS
WITH
  points AS (
    SELECT
      id,
      name,
      ST_SetSRID(ST_MakePoint(lon, lat), 4326) AS geom
    FROM geo.places
  ),
  buffer_and_h3 AS (
    SELECT
      id,
      geom,
      ST_Buffer(geom::geography, CAST(500.0 AS DOUBLE PRECISION), 'quad_segs=32')::geometry AS geom_buffer,
      h3_lat_lng_to_cell(geom, CAST(8 AS INTEGER))::text AS h3
    FROM points
  )
SELECT
  id,
  CAST(ST_SetSRID(geom, 4326) AS geometry(Geometry,4326)) AS geom,
  CAST(ST_SetSRID(geom_buffer, 4326) AS geometry(Geometry,4326)) AS geom_buffer,
  h3
FROM buffer_and_h3;

DROP TABLE IF EXISTS geo.zone_stats;

CREATE TABLE geo.zone_stats AS
WITH
  zones AS (
    SELECT
      zone_id,
      zone_name,
      (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_SetSRID(CAST(geom AS geometry), 4326) AS cwf_g) AS r) AS geom
    FROM geo.zones
    OFFSET 0
  ),
  zone_area AS (
    SELECT
      zone_id,
      geom,
      ST_Area(geom::geography) / CAST(1000000.0 AS DOUBLE PRECISION) AS geom_area,
      ST_Centroid(geom) AS geom_centroid
    FROM zones
  )
SELECT
  zone_id,
  CAST(ST_SetSRID(geom, 4326) AS geometry(Geometry,4326)) AS geom,
  geom_area,
  CAST(ST_SetSRID(geom_centroid, 4326) AS geometry(Geometry,4326)) AS geom_centroid
FROM zone_area;

DROP TABLE IF EXISTS geo.place_zones;

CREATE TABLE geo.place_zones AS
WITH
  zones AS (
    SELECT
      zone_id,
      zone_name,
      (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_SetSRID(CAST(geom AS geometry), 4326) AS cwf_g) AS r) AS geom
    FROM geo.zones
    OFFSET 0
  ),
  points AS (
    SELECT
      id,
      name,
      ST_SetSRID(ST_MakePoint(lon, lat), 4326) AS geom
    FROM geo.places
  ),
  points_in_zones AS (
    SELECT
      l.id,
      l.name,
      l.geom,
      r.zone_id AS zone_id_joined,
      r.zone_name AS zone_name_joined,
      r.geom AS geom_joined
    FROM points AS l
    INNER JOIN zones AS r
      ON ST_Within(l.geom, r.geom)
  )
SELECT
  id,
  zone_name_joined,
  ST_Distance(geom::geography, geom_joined::geography) AS distance
FROM points_in_zones;

DROP TABLE IF EXISTS geo.inside;

CREATE TABLE geo.inside AS
WITH
  zones AS (
    SELECT
      zone_id,
      zone_name,
      (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_SetSRID(CAST(geom AS geometry), 4326) AS cwf_g) AS r) AS geom
    FROM geo.zones
    OFFSET 0
  ),
  points AS (
    SELECT
      id,
      name,
      ST_SetSRID(ST_MakePoint(lon, lat), 4326) AS geom
    FROM geo.places
  ),
  inside_a_zone AS (
    SELECT
      l.id,
      l.name,
      l.geom
    FROM points AS l
    WHERE EXISTS (
      SELECT 1
      FROM zones AS r
      WHERE ST_Intersects(l.geom, r.geom)
    )
  )
SELECT
  id,
  name,
  CAST(ST_SetSRID(geom, 4326) AS geometry(Geometry,4326)) AS geom
FROM inside_a_zone;

CREATE TABLE IF NOT EXISTS geo.outside (
  id BIGINT,
  name TEXT,
  geom geometry(Geometry,4326)
);

INSERT INTO geo.outside (id, name, geom)
WITH
  zones AS (
    SELECT
      zone_id,
      zone_name,
      (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_SetSRID(CAST(geom AS geometry), 4326) AS cwf_g) AS r) AS geom
    FROM geo.zones
    OFFSET 0
  ),
  points AS (
    SELECT
      id,
      name,
      ST_SetSRID(ST_MakePoint(lon, lat), 4326) AS geom
    FROM geo.places
  ),
  outside_every_zone AS (
    SELECT
      l.id,
      l.name,
      l.geom
    FROM points AS l
    WHERE NOT EXISTS (
      SELECT 1
      FROM zones AS r
      WHERE ST_Intersects(l.geom, r.geom)
    )
  )
SELECT
  id,
  name,
  CAST(ST_SetSRID(geom, 4326) AS geometry(Geometry,4326)) AS geom
FROM outside_every_zone;

COMMIT;

-- Diagnostics:
--   warning CWF6020: The PostgreSQL/PostGIS SQL for h3_from_point() (first used in step 'Buffer and H3') needs the h3-pg extension (h3 and h3_postgis)
--     hint: CREATE EXTENSION h3; CREATE EXTENSION h3_postgis;
