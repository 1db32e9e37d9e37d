-- Workflow 'test' compiled by cwf for Databricks (procedure).
-- Needs Databricks Runtime 17.1+ or a pro/serverless SQL warehouse (st_* functions): the st_* functions are not available on DBSQL Classic warehouses
-- Run: CALL `cwf_test`();

CREATE OR REPLACE PROCEDURE `cwf_test`()
LANGUAGE SQL
SQL SECURITY INVOKER
AS BEGIN
  CREATE OR REPLACE TABLE `out`.`parcel_stations` AS
  SELECT
    l.parcel_id,
    l.geom,
    r.station_id AS station_id_joined,
    r.name AS name_joined,
    r.geom AS geom_joined
  FROM `geo`.`parcels` AS l
  LEFT JOIN `geo`.`stations` AS r
    ON st_intersects(l.geom, r.geom);
  CREATE OR REPLACE TABLE `out`.`nearest_bounded` AS
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
      st_distancespheroid(l.geom, r.geom) AS meters,
      ROW_NUMBER() OVER (PARTITION BY l.cwf_row ORDER BY ROUND(st_distancespheroid(l.geom, r.geom), 3) ASC NULLS LAST, r.station_id ASC NULLS LAST, r.name ASC NULLS LAST) AS cwf_rank
    FROM (
      SELECT
        *,
        ROW_NUMBER() OVER (ORDER BY 1) AS cwf_row
      FROM `geo`.`parcels`
    ) AS l
    LEFT JOIN `geo`.`stations` AS r
      ON st_distancespheroid(l.geom, r.geom) <= CAST(5000.0 AS DOUBLE)
  ) AS ranked
  WHERE cwf_rank <= 2;
  CREATE OR REPLACE TABLE `out`.`nearest` AS
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
      st_distancespheroid(l.geom, r.geom) AS distance,
      ROW_NUMBER() OVER (PARTITION BY l.cwf_row ORDER BY ROUND(st_distancespheroid(l.geom, r.geom), 3) ASC NULLS LAST, r.station_id ASC NULLS LAST, r.name ASC NULLS LAST) AS cwf_rank
    FROM (
      SELECT
        *,
        ROW_NUMBER() OVER (ORDER BY 1) AS cwf_row
      FROM `geo`.`parcels`
    ) AS l
    LEFT JOIN `geo`.`stations` AS r
      ON l.geom IS NOT NULL AND r.geom IS NOT NULL
  ) AS ranked
  WHERE cwf_rank <= 1;
END;

-- Diagnostics:
--   info CWF6020: The Databricks SQL for st_intersects() (first used in step 'output_parcel_stations') needs Databricks Runtime 17.1+ or a pro/serverless SQL warehouse (st_* functions)
--     hint: the st_* functions are not available on DBSQL Classic warehouses
--   warning CWF6021: Databricks: st_distance() in step 'output_nearest_bounded' measures meters only between points (st_distancespheroid); other geometries raise an error when the query runs
--     hint: compute the distance between centroids, or use custom SQL
--   warning CWF6021: Databricks: st_dwithin() in step 'output_nearest_bounded' measures meters only between points (st_distancespheroid); other geometries raise an error when the query runs
--     hint: compute the distance between centroids, or use custom SQL
--   warning CWF6600: Databricks: nearest in step 'output_nearest' has no distance bound, so every row is paired with every row of the other input and ranked (quadratic in the rows)
--     hint: add a bound that surely holds k neighbours (nearest 3 from other within 50 km): the warehouse's spatial join then pairs only rows within it
--   warning CWF6021: Databricks: st_distance() in step 'output_nearest' measures meters only between points (st_distancespheroid); other geometries raise an error when the query runs
--     hint: compute the distance between centroids, or use custom SQL
