-- Workflow 'spatial' compiled by cwf for Trino (script).

DROP TABLE IF EXISTS geo.place_buffers;

CREATE TABLE geo.place_buffers AS
WITH
  points AS (
    SELECT
      id,
      name,
      ST_Point(lon, lat) AS geom
    FROM geo.places
  ),
  buffer_and_h3 AS (
    SELECT
      id,
      geom
    FROM points
  )
SELECT
  id,
  ST_AsBinary(geom) AS geom
FROM buffer_and_h3;

DROP TABLE IF EXISTS geo.zone_stats;

CREATE TABLE geo.zone_stats AS
WITH
  zones AS (
    SELECT
      zone_id,
      zone_name,
      ST_GeomFromBinary(geom) AS geom
    FROM geo.zones
  ),
  zone_area AS (
    SELECT
      zone_id,
      geom,
      ST_Area(to_spherical_geography(geom)) / CAST(1000000.0 AS DOUBLE) AS geom_area,
      ST_Centroid(geom) AS geom_centroid
    FROM zones
  )
SELECT
  zone_id,
  ST_AsBinary(geom) AS geom,
  geom_area,
  ST_AsBinary(geom_centroid) AS geom_centroid
FROM zone_area;

DROP TABLE IF EXISTS geo.place_zones;

CREATE TABLE geo.place_zones AS
WITH
  zones AS (
    SELECT
      zone_id,
      zone_name,
      ST_GeomFromBinary(geom) AS geom
    FROM geo.zones
  ),
  points AS (
    SELECT
      id,
      name,
      ST_Point(lon, lat) AS geom
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
  ST_Distance(to_spherical_geography(geom), to_spherical_geography(geom_joined)) AS distance
FROM points_in_zones;

DROP TABLE IF EXISTS geo.inside;

CREATE TABLE geo.inside AS
WITH
  zones AS (
    SELECT
      zone_id,
      zone_name,
      ST_GeomFromBinary(geom) AS geom
    FROM geo.zones
  ),
  points AS (
    SELECT
      id,
      name,
      ST_Point(lon, lat) AS geom
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
  ST_AsBinary(geom) AS geom
FROM inside_a_zone;

CREATE TABLE IF NOT EXISTS geo.outside (
  id BIGINT,
  name VARCHAR,
  geom VARBINARY
);

INSERT INTO geo.outside (id, name, geom)
WITH
  zones AS (
    SELECT
      zone_id,
      zone_name,
      ST_GeomFromBinary(geom) AS geom
    FROM geo.zones
  ),
  points AS (
    SELECT
      id,
      name,
      ST_Point(lon, lat) AS geom
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
  ST_AsBinary(geom) AS geom
FROM outside_every_zone;

-- Diagnostics:
--   warning CWF6021: Trino: st_distance() in step 'Distance to zone' measures meters only between points (ST_Distance of spherical geographies); other geometries raise an error when the query runs
--     hint: compute the distance between centroids, or use custom SQL
--   info CWF6041: Trino commits each statement on its own: if one output fails, the outputs written before it stay written.
