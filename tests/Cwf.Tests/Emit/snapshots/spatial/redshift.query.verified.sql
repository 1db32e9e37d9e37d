-- Workflow 'spatial' compiled by cwf for Amazon Redshift (query).

-- output geo.place_buffers
WITH
  points AS (
    SELECT
      id,
      name,
      ST_SetSRID(ST_Point(lon, lat), 4326) AS geom
    FROM geo.places
  )
SELECT
  id,
  geom,
  ST_Transform(ST_Buffer(ST_Transform(geom, 32600 + CASE WHEN ST_Y(ST_Centroid(geom)) < 0 THEN 100 ELSE 0 END + LEAST(60, CAST(FLOOR((ST_X(ST_Centroid(geom)) + 180) / 6) AS INTEGER) + 1)), CAST(500.0 AS DOUBLE PRECISION), 32), 4326) AS geom_buffer,
  LOWER(TO_HEX(H3_FromPoint(geom, 8))) AS h3
FROM points;

-- output geo.zone_stats
WITH
  zones AS (
    SELECT
      zone_id,
      zone_name,
      ST_SetSRID(geom, 4326) AS geom
    FROM geo.zones
  )
SELECT
  zone_id,
  geom,
  ST_Area(CAST(geom AS GEOGRAPHY)) / CAST(1000000.0 AS DOUBLE PRECISION) AS geom_area,
  ST_Centroid(geom) AS geom_centroid
FROM zones;

-- output geo.place_zones
WITH
  zones AS (
    SELECT
      zone_id,
      zone_name,
      ST_SetSRID(geom, 4326) AS geom
    FROM geo.zones
  ),
  points AS (
    SELECT
      id,
      name,
      ST_SetSRID(ST_Point(lon, lat), 4326) AS geom
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
  ST_Distance(CAST(geom AS GEOGRAPHY), CAST(geom_joined AS GEOGRAPHY)) AS distance
FROM points_in_zones;

-- output geo.inside
WITH
  zones AS (
    SELECT
      zone_id,
      zone_name,
      ST_SetSRID(geom, 4326) AS geom
    FROM geo.zones
  ),
  points AS (
    SELECT
      id,
      name,
      ST_SetSRID(ST_Point(lon, lat), 4326) AS geom
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
      ST_SetSRID(geom, 4326) AS geom
    FROM geo.zones
  ),
  points AS (
    SELECT
      id,
      name,
      ST_SetSRID(ST_Point(lon, lat), 4326) AS geom
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
--   warning CWF6021: Amazon Redshift: st_buffer() in step 'Buffer and H3' buffers in the UTM zone of the geometry's centroid (Redshift buffers GEOMETRY only, in coordinate units); geometries spanning several zones or near the poles are distorted
--     hint: for 'within a distance' tests use a distance filter (st_dwithin) instead of buffer + intersects
--   warning CWF6021: Amazon Redshift: st_distance() in step 'Distance to zone' measures meters only between points (ST_Distance of GEOGRAPHY); other geometries raise an error when the query runs
--     hint: compute the distance between centroids, or use custom SQL
