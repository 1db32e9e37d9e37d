-- Workflow 'test' compiled by cwf for DuckDB (script).
-- Needs the DuckDB spatial extension: INSTALL spatial; LOAD spatial;

BEGIN TRANSACTION;

CREATE SCHEMA IF NOT EXISTS out;

CREATE OR REPLACE TABLE out.parcel_stations AS
WITH
  parcels AS (
    SELECT
      parcel_id,
      CASE WHEN ST_IsValid(geom) THEN geom ELSE ST_MakeValid(geom) END AS geom
    FROM geo.parcels
  ),
  stations AS (
    SELECT
      station_id,
      name,
      CASE WHEN ST_IsValid(geom) THEN geom ELSE ST_MakeValid(geom) END AS geom
    FROM geo.stations
  )
SELECT
  l.parcel_id,
  l.geom,
  r.station_id AS station_id_joined,
  r.name AS name_joined,
  r.geom AS geom_joined
FROM parcels AS l
LEFT JOIN stations AS r
  ON ST_Intersects(l.geom, r.geom);

CREATE OR REPLACE TABLE out.nearest_bounded AS
WITH
  parcels AS (
    SELECT
      parcel_id,
      CASE WHEN ST_IsValid(geom) THEN geom ELSE ST_MakeValid(geom) END AS geom
    FROM geo.parcels
  ),
  stations AS (
    SELECT
      station_id,
      name,
      CASE WHEN ST_IsValid(geom) THEN geom ELSE ST_MakeValid(geom) END AS geom
    FROM geo.stations
  )
SELECT
  parcel_id,
  geom,
  station_id_joined,
  name_joined,
  geom_joined,
  meters
FROM (
  SELECT
    l.parcel_id,
    l.geom,
    r.station_id AS station_id_joined,
    r.name AS name_joined,
    r.geom AS geom_joined,
    ST_Distance_Spheroid(ST_FlipCoordinates(l.geom), ST_FlipCoordinates(r.geom)) AS meters,
    ROW_NUMBER() OVER (PARTITION BY l.cwf_row ORDER BY ROUND(ST_Distance_Spheroid(ST_FlipCoordinates(l.geom), ST_FlipCoordinates(r.geom)), CAST(3 AS INTEGER)) ASC NULLS LAST, r.station_id ASC NULLS LAST, r.name ASC NULLS LAST) AS cwf_rank
  FROM (
    SELECT
      *,
      ROW_NUMBER() OVER () AS cwf_row
    FROM parcels
  ) AS l
  LEFT JOIN stations AS r
    ON ST_Distance_Spheroid(ST_FlipCoordinates(l.geom), ST_FlipCoordinates(r.geom)) <= CAST(5000.0 AS DOUBLE)
) AS ranked
WHERE cwf_rank <= 2;

CREATE OR REPLACE TABLE out.nearest AS
WITH
  parcels AS (
    SELECT
      parcel_id,
      CASE WHEN ST_IsValid(geom) THEN geom ELSE ST_MakeValid(geom) END AS geom
    FROM geo.parcels
  ),
  stations AS (
    SELECT
      station_id,
      name,
      CASE WHEN ST_IsValid(geom) THEN geom ELSE ST_MakeValid(geom) END AS geom
    FROM geo.stations
  )
SELECT
  parcel_id,
  geom,
  station_id_joined,
  name_joined,
  geom_joined,
  distance
FROM (
  SELECT
    l.parcel_id,
    l.geom,
    r.station_id AS station_id_joined,
    r.name AS name_joined,
    r.geom AS geom_joined,
    ST_Distance_Spheroid(ST_FlipCoordinates(l.geom), ST_FlipCoordinates(r.geom)) AS distance,
    ROW_NUMBER() OVER (PARTITION BY l.cwf_row ORDER BY ROUND(ST_Distance_Spheroid(ST_FlipCoordinates(l.geom), ST_FlipCoordinates(r.geom)), CAST(3 AS INTEGER)) ASC NULLS LAST, r.station_id ASC NULLS LAST, r.name ASC NULLS LAST) AS cwf_rank
  FROM (
    SELECT
      *,
      ROW_NUMBER() OVER () AS cwf_row
    FROM parcels
  ) AS l
  LEFT JOIN stations AS r
    ON l.geom IS NOT NULL AND r.geom IS NOT NULL
) AS ranked
WHERE cwf_rank <= 1;

COMMIT;

-- Diagnostics:
--   info CWF6020: The DuckDB SQL for st_intersects() (first used in step 'output_parcel_stations') needs the DuckDB spatial extension
--     hint: INSTALL spatial; LOAD spatial;
--   warning CWF6021: DuckDB: st_distance() in step 'output_nearest_bounded' measures meters only between points (ST_Distance_Spheroid); other geometries raise an error when the query runs
--     hint: compute the distance between centroids, or use custom SQL
--   warning CWF6021: DuckDB: st_dwithin() in step 'output_nearest_bounded' measures meters only between points (ST_Distance_Spheroid); other geometries raise an error when the query runs
--     hint: compute the distance between centroids, or use custom SQL
--   warning CWF6600: DuckDB: nearest in step 'output_nearest' has no distance bound, so every row is paired with every row of the other input and ranked (quadratic in the rows)
--     hint: add a bound that surely holds k neighbours (nearest 3 from other within 50 km): the warehouse's spatial join then pairs only rows within it
--   warning CWF6021: DuckDB: st_distance() in step 'output_nearest' measures meters only between points (ST_Distance_Spheroid); other geometries raise an error when the query runs
--     hint: compute the distance between centroids, or use custom SQL
