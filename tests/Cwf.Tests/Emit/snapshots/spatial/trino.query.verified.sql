-- Workflow 'spatial' compiled by cwf for Trino (query).

-- output geo.place_buffers
WITH
  points AS (
    SELECT
      id,
      name,
      ST_Point(lon, lat) AS geom
    FROM geo.places
  )
SELECT
  id,
  geom
FROM points;

-- output geo.zone_stats
WITH
  zones AS (
    SELECT
      zone_id,
      zone_name,
      ST_GeomFromBinary(geom) AS geom
    FROM geo.zones
  )
SELECT
  zone_id,
  geom,
  ST_Area(to_spherical_geography(geom)) / CAST(1000000.0 AS DOUBLE) AS geom_area,
  ST_Centroid(geom) AS geom_centroid
FROM zones;

-- output geo.place_zones
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

-- output geo.inside
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
  )
SELECT
  l.id,
  l.name,
  l.geom
FROM points AS l
WHERE EXISTS (
  SELECT 1
  FROM zones AS r
  WHERE ST_Intersects(l.geom, r.geom)
);

-- output geo.outside
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
  )
SELECT
  l.id,
  l.name,
  l.geom
FROM points AS l
WHERE NOT EXISTS (
  SELECT 1
  FROM zones AS r
  WHERE ST_Intersects(l.geom, r.geom)
);

-- Diagnostics:
--   warning CWF6021: Trino: st_distance() in step 'Distance to zone' measures meters only between points (ST_Distance of spherical geographies); other geometries raise an error when the query runs
--     hint: compute the distance between centroids, or use custom SQL
