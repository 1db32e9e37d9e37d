-- Workflow 'test' compiled by cwf for Snowflake (script).

BEGIN TRANSACTION;

CREATE OR REPLACE TABLE out.parcel_stations AS
SELECT
  l.parcel_id,
  l.geom,
  r.station_id AS station_id_joined,
  r.name AS name_joined,
  r.geom AS geom_joined
FROM geo.parcels AS l
LEFT JOIN geo.stations AS r
  ON ST_INTERSECTS(l.geom, r.geom);

CREATE OR REPLACE TABLE out.nearest_bounded AS
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
    ST_DISTANCE(l.geom, r.geom) AS meters,
    ROW_NUMBER() OVER (PARTITION BY l.cwf_row ORDER BY ROUND(ST_DISTANCE(l.geom, r.geom), 3) ASC NULLS LAST, r.station_id ASC NULLS LAST, r.name ASC NULLS LAST) AS cwf_rank
  FROM (
    SELECT
      *,
      ROW_NUMBER() OVER (ORDER BY 1) AS cwf_row
    FROM geo.parcels
  ) AS l
  LEFT JOIN geo.stations AS r
    ON ST_DWITHIN(l.geom, r.geom, CAST(5000.0 AS FLOAT))
) AS ranked
WHERE cwf_rank <= 2;

CREATE OR REPLACE TABLE out.nearest AS
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
    ST_DISTANCE(l.geom, r.geom) AS distance,
    ROW_NUMBER() OVER (PARTITION BY l.cwf_row ORDER BY ROUND(ST_DISTANCE(l.geom, r.geom), 3) ASC NULLS LAST, r.station_id ASC NULLS LAST, r.name ASC NULLS LAST) AS cwf_rank
  FROM (
    SELECT
      *,
      ROW_NUMBER() OVER (ORDER BY 1) AS cwf_row
    FROM geo.parcels
  ) AS l
  LEFT JOIN geo.stations AS r
    ON l.geom IS NOT NULL AND r.geom IS NOT NULL
) AS ranked
WHERE cwf_rank <= 1;

COMMIT;

-- Diagnostics:
--   warning CWF6600: Snowflake: nearest in step 'output_nearest' has no distance bound, so every row is paired with every row of the other input and ranked (quadratic in the rows)
--     hint: add a bound that surely holds k neighbours (nearest 3 from other within 50 km): the warehouse's spatial join then pairs only rows within it
--   info CWF6041: Snowflake commits each CREATE TABLE as it runs: the transaction makes only the appends atomic.
