-- Workflow 'test' compiled by cwf for Trino (script).

DROP TABLE IF EXISTS out.parcel_stations;

CREATE TABLE out.parcel_stations AS
WITH
  parcels AS (
    SELECT
      parcel_id,
      ST_GeomFromBinary(geom) AS geom
    FROM geo.parcels
  ),
  stations AS (
    SELECT
      station_id,
      name,
      ST_GeomFromBinary(geom) AS geom
    FROM geo.stations
  ),
  output_parcel_stations AS (
    SELECT
      l.parcel_id,
      l.geom,
      r.station_id AS station_id_joined,
      r.name AS name_joined,
      r.geom AS geom_joined
    FROM parcels AS l
    LEFT JOIN stations AS r
      ON ST_Intersects(l.geom, r.geom)
  )
SELECT
  parcel_id,
  ST_AsBinary(geom) AS geom,
  station_id_joined,
  name_joined,
  ST_AsBinary(geom_joined) AS geom_joined
FROM output_parcel_stations;

DROP TABLE IF EXISTS out.nearest_bounded;

CREATE TABLE out.nearest_bounded AS
WITH
  parcels AS (
    SELECT
      parcel_id,
      ST_GeomFromBinary(geom) AS geom
    FROM geo.parcels
  ),
  stations AS (
    SELECT
      station_id,
      name,
      ST_GeomFromBinary(geom) AS geom
    FROM geo.stations
  ),
  output_nearest_bounded AS (
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
        ST_Distance(to_spherical_geography(l.geom), to_spherical_geography(r.geom)) AS meters,
        ROW_NUMBER() OVER (PARTITION BY l.cwf_row ORDER BY ROUND(ST_Distance(to_spherical_geography(l.geom), to_spherical_geography(r.geom)), CAST(3 AS INTEGER)) ASC NULLS LAST, r.station_id ASC NULLS LAST, r.name ASC NULLS LAST) AS cwf_rank
      FROM (
        SELECT
          *,
          ROW_NUMBER() OVER () AS cwf_row
        FROM parcels
      ) AS l
      LEFT JOIN stations AS r
        ON ST_Distance(to_spherical_geography(l.geom), to_spherical_geography(r.geom)) <= CAST(5000.0 AS DOUBLE)
    ) AS ranked
    WHERE cwf_rank <= 2
  )
SELECT
  parcel_id,
  ST_AsBinary(geom) AS geom,
  station_id_joined,
  name_joined,
  ST_AsBinary(geom_joined) AS geom_joined,
  meters
FROM output_nearest_bounded;

DROP TABLE IF EXISTS out.nearest;

CREATE TABLE out.nearest AS
WITH
  parcels AS (
    SELECT
      parcel_id,
      ST_GeomFromBinary(geom) AS geom
    FROM geo.parcels
  ),
  stations AS (
    SELECT
      station_id,
      name,
      ST_GeomFromBinary(geom) AS geom
    FROM geo.stations
  ),
  output_nearest AS (
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
        ST_Distance(to_spherical_geography(l.geom), to_spherical_geography(r.geom)) AS distance,
        ROW_NUMBER() OVER (PARTITION BY l.cwf_row ORDER BY ROUND(ST_Distance(to_spherical_geography(l.geom), to_spherical_geography(r.geom)), CAST(3 AS INTEGER)) ASC NULLS LAST, r.station_id ASC NULLS LAST, r.name ASC NULLS LAST) AS cwf_rank
      FROM (
        SELECT
          *,
          ROW_NUMBER() OVER () AS cwf_row
        FROM parcels
      ) AS l
      LEFT JOIN stations AS r
        ON l.geom IS NOT NULL AND r.geom IS NOT NULL
    ) AS ranked
    WHERE cwf_rank <= 1
  )
SELECT
  parcel_id,
  ST_AsBinary(geom) AS geom,
  station_id_joined,
  name_joined,
  ST_AsBinary(geom_joined) AS geom_joined,
  distance
FROM output_nearest;

-- Diagnostics:
--   warning CWF6021: Trino: st_distance() in step 'output_nearest_bounded' measures meters only between points (ST_Distance of spherical geographies); other geometries raise an error when the query runs
--     hint: compute the distance between centroids, or use custom SQL
--   warning CWF6021: Trino: st_dwithin() in step 'output_nearest_bounded' measures meters only between points (ST_Distance of spherical geographies); other geometries raise an error when the query runs
--     hint: compute the distance between centroids, or use custom SQL
--   warning CWF6600: Trino: nearest in step 'output_nearest' has no distance bound, so every row is paired with every row of the other input and ranked (quadratic in the rows)
--     hint: add a bound that surely holds k neighbours (nearest 3 from other within 50 km): the warehouse's spatial join then pairs only rows within it
--   warning CWF6021: Trino: st_distance() in step 'output_nearest' measures meters only between points (ST_Distance of spherical geographies); other geometries raise an error when the query runs
--     hint: compute the distance between centroids, or use custom SQL
--   info CWF6041: Trino commits each statement on its own: if one output fails, the outputs written before it stay written.
