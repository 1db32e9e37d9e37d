-- Workflow 'test' compiled by cwf for Amazon Redshift (procedure).
-- Run: CALL cwf_test();

CREATE OR REPLACE PROCEDURE cwf_test()
AS $$
BEGIN
  DROP TABLE IF EXISTS out.parcel_stations;
  CREATE TABLE out.parcel_stations AS
  WITH
    parcels AS (
      SELECT
        parcel_id,
        ST_SetSRID(geom, 4326) AS geom
      FROM geo.parcels
    ),
    stations AS (
      SELECT
        station_id,
        name,
        ST_SetSRID(geom, 4326) AS geom
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
  DROP TABLE IF EXISTS out.nearest_bounded;
  CREATE TABLE out.nearest_bounded AS
  WITH
    parcels AS (
      SELECT
        parcel_id,
        ST_SetSRID(geom, 4326) AS geom
      FROM geo.parcels
    ),
    stations AS (
      SELECT
        station_id,
        name,
        ST_SetSRID(geom, 4326) AS geom
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
      ST_Distance(CAST(l.geom AS GEOGRAPHY), CAST(r.geom AS GEOGRAPHY)) AS meters,
      ROW_NUMBER() OVER (PARTITION BY l.cwf_row ORDER BY ROUND(ST_Distance(CAST(l.geom AS GEOGRAPHY), CAST(r.geom AS GEOGRAPHY)), 3) ASC NULLS LAST, r.station_id ASC NULLS LAST, r.name ASC NULLS LAST) AS cwf_rank
    FROM (
      SELECT
        *,
        ROW_NUMBER() OVER () AS cwf_row
      FROM parcels
    ) AS l
    LEFT JOIN stations AS r
      ON ST_Distance(CAST(l.geom AS GEOGRAPHY), CAST(r.geom AS GEOGRAPHY)) <= CAST(5000.0 AS DOUBLE PRECISION)
  ) AS ranked
  WHERE cwf_rank <= 2;
  DROP TABLE IF EXISTS out.nearest;
  CREATE TABLE out.nearest AS
  WITH
    parcels AS (
      SELECT
        parcel_id,
        ST_SetSRID(geom, 4326) AS geom
      FROM geo.parcels
    ),
    stations AS (
      SELECT
        station_id,
        name,
        ST_SetSRID(geom, 4326) AS geom
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
      ST_Distance(CAST(l.geom AS GEOGRAPHY), CAST(r.geom AS GEOGRAPHY)) AS distance,
      ROW_NUMBER() OVER (PARTITION BY l.cwf_row ORDER BY ROUND(ST_Distance(CAST(l.geom AS GEOGRAPHY), CAST(r.geom AS GEOGRAPHY)), 3) ASC NULLS LAST, r.station_id ASC NULLS LAST, r.name ASC NULLS LAST) AS cwf_rank
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
END;
$$ LANGUAGE plpgsql;

-- Diagnostics:
--   warning CWF6021: Amazon Redshift: st_distance() in step 'output_nearest_bounded' measures meters only between points (ST_Distance of GEOGRAPHY); other geometries raise an error when the query runs
--     hint: compute the distance between centroids, or use custom SQL
--   warning CWF6021: Amazon Redshift: st_dwithin() in step 'output_nearest_bounded' measures meters only between points (ST_Distance of GEOGRAPHY); other geometries raise an error when the query runs
--     hint: compute the distance between centroids, or use custom SQL
--   warning CWF6600: Amazon Redshift: nearest in step 'output_nearest' has no distance bound, so every row is paired with every row of the other input and ranked (quadratic in the rows)
--     hint: add a bound that surely holds k neighbours (nearest 3 from other within 50 km): the warehouse's spatial join then pairs only rows within it
--   warning CWF6021: Amazon Redshift: st_distance() in step 'output_nearest' measures meters only between points (ST_Distance of GEOGRAPHY); other geometries raise an error when the query runs
--     hint: compute the distance between centroids, or use custom SQL
