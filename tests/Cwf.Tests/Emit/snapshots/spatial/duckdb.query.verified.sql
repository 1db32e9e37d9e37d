-- Workflow 'spatial' compiled by cwf for DuckDB (query).
-- Needs the DuckDB spatial extension: INSTALL spatial; LOAD spatial;
-- Needs the DuckDB h3 community extension: INSTALL h3 FROM community; LOAD h3;

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
  geom,
  ST_Transform(ST_Buffer(ST_Transform(geom, 'EPSG:4326', 'EPSG:' || CAST(32600 + CASE WHEN ST_Y(ST_Centroid(geom)) < 0 THEN 100 ELSE 0 END + LEAST(60, CAST(FLOOR((ST_X(ST_Centroid(geom)) + 180) / 6) AS INTEGER) + 1) AS VARCHAR), true), CAST(500.0 AS DOUBLE), 32), 'EPSG:' || CAST(32600 + CASE WHEN ST_Y(ST_Centroid(geom)) < 0 THEN 100 ELSE 0 END + LEAST(60, CAST(FLOOR((ST_X(ST_Centroid(geom)) + 180) / 6) AS INTEGER) + 1) AS VARCHAR), 'EPSG:4326', true) AS geom_buffer,
  h3_latlng_to_cell_string(ST_Y(geom), ST_X(geom), CAST(8 AS INTEGER)) AS h3
FROM points;

-- output geo.zone_stats
WITH
  zones AS (
    SELECT
      zone_id,
      zone_name,
      CASE WHEN ST_IsValid(geom) THEN geom ELSE ST_MakeValid(geom) END AS geom
    FROM geo.zones
  )
SELECT
  zone_id,
  geom,
  ST_Area_Spheroid(ST_FlipCoordinates(geom)) / CAST(1000000.0 AS DOUBLE) AS geom_area,
  ST_Centroid(geom) AS geom_centroid
FROM zones;

-- output geo.place_zones
WITH
  zones AS (
    SELECT
      zone_id,
      zone_name,
      CASE WHEN ST_IsValid(geom) THEN geom ELSE ST_MakeValid(geom) END AS geom
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
  ST_Distance_Spheroid(ST_FlipCoordinates(geom), ST_FlipCoordinates(geom_joined)) AS distance
FROM points_in_zones;

-- output geo.inside
WITH
  zones AS (
    SELECT
      zone_id,
      zone_name,
      CASE WHEN ST_IsValid(geom) THEN geom ELSE ST_MakeValid(geom) END AS geom
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
      CASE WHEN ST_IsValid(geom) THEN geom ELSE ST_MakeValid(geom) END AS geom
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
--   info CWF6020: The DuckDB SQL for st_point() (first used in step 'Points') needs the DuckDB spatial extension
--     hint: INSTALL spatial; LOAD spatial;
--   warning CWF6021: DuckDB: st_buffer() in step 'Buffer and H3' buffers in the UTM zone of the geometry's centroid (ST_Buffer is planar); geometries spanning several zones or near the poles are distorted
--     hint: for 'within a distance' tests use a distance filter (st_dwithin) instead of buffer + intersects
--   warning CWF6020: The DuckDB SQL for h3_from_point() (first used in step 'Buffer and H3') needs the DuckDB h3 community extension
--     hint: INSTALL h3 FROM community; LOAD h3;
--   warning CWF6021: DuckDB: st_distance() in step 'Distance to zone' measures meters only between points (ST_Distance_Spheroid); other geometries raise an error when the query runs
--     hint: compute the distance between centroids, or use custom SQL
