-- Workflow 'spatial' compiled by cwf for Databricks (procedure).
-- Needs Databricks Runtime 17.1+ or a pro/serverless SQL warehouse (st_* functions): the st_* functions are not available on DBSQL Classic warehouses
-- Needs Photon or a pro/serverless SQL warehouse (h3_* functions): the h3_* functions are not available on clusters without Photon
-- Run: CALL `cwf_spatial`();

CREATE OR REPLACE PROCEDURE `cwf_spatial`()
LANGUAGE SQL
SQL SECURITY INVOKER
AS BEGIN
  CREATE OR REPLACE TABLE `geo`.`place_buffers` AS
  WITH
    points AS (
      SELECT
        id,
        name,
        st_point(lon, lat, 4326) AS geom
      FROM `geo`.`places`
    )
  SELECT
    id,
    geom,
    st_transform(st_buffer(st_transform(geom, 32600 + CASE WHEN st_y(st_centroid(geom)) < 0 THEN 100 ELSE 0 END + LEAST(60, CAST(FLOOR((st_x(st_centroid(geom)) + 180) / 6) AS INTEGER) + 1)), CAST(500.0 AS DOUBLE) * 1.003222), 4326) AS geom_buffer,
    h3_longlatash3string(st_x(geom), st_y(geom), CAST(8 AS INT)) AS h3
  FROM points;
  CREATE OR REPLACE TABLE `geo`.`zone_stats` AS
  SELECT
    zone_id,
    geom,
    st_area(st_geogfromwkb(st_asbinary(geom))) / CAST(1000000.0 AS DOUBLE) AS geom_area,
    st_centroid(geom) AS geom_centroid
  FROM `geo`.`zones`;
  CREATE OR REPLACE TABLE `geo`.`place_zones` AS
  WITH
    points AS (
      SELECT
        id,
        name,
        st_point(lon, lat, 4326) AS geom
      FROM `geo`.`places`
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
      INNER JOIN `geo`.`zones` AS r
        ON st_within(l.geom, r.geom)
    )
  SELECT
    id,
    zone_name_joined,
    st_distancespheroid(geom, geom_joined) AS distance
  FROM points_in_zones;
  CREATE OR REPLACE TABLE `geo`.`inside` AS
  WITH
    points AS (
      SELECT
        id,
        name,
        st_point(lon, lat, 4326) AS geom
      FROM `geo`.`places`
    )
  SELECT
    l.id,
    l.name,
    l.geom
  FROM points AS l
  WHERE EXISTS (
    SELECT 1
    FROM `geo`.`zones` AS r
    WHERE st_intersects(l.geom, r.geom)
  );
  CREATE TABLE IF NOT EXISTS `geo`.`outside` (
    id BIGINT,
    name STRING,
    geom GEOMETRY(4326)
  );
  INSERT INTO `geo`.`outside` (id, name, geom)
  WITH
    points AS (
      SELECT
        id,
        name,
        st_point(lon, lat, 4326) AS geom
      FROM `geo`.`places`
    )
  SELECT
    l.id,
    l.name,
    l.geom
  FROM points AS l
  WHERE NOT EXISTS (
    SELECT 1
    FROM `geo`.`zones` AS r
    WHERE st_intersects(l.geom, r.geom)
  );
END;

-- Diagnostics:
--   info CWF6020: The Databricks SQL for st_point() (first used in step 'Points') needs Databricks Runtime 17.1+ or a pro/serverless SQL warehouse (st_* functions)
--     hint: the st_* functions are not available on DBSQL Classic warehouses
--   warning CWF6021: Databricks: st_buffer() in step 'Buffer and H3' buffers in the UTM zone of the geometry's centroid (st_buffer works in coordinate units); geometries spanning several zones or near the poles are distorted
--     hint: for 'within a distance' tests use a distance filter (st_dwithin) instead of buffer + intersects
--   info CWF6020: The Databricks SQL for h3_from_point() (first used in step 'Buffer and H3') needs Photon or a pro/serverless SQL warehouse (h3_* functions)
--     hint: the h3_* functions are not available on clusters without Photon
--   warning CWF6021: Databricks: st_distance() in step 'Distance to zone' measures meters only between points (st_distancespheroid); other geometries raise an error when the query runs
--     hint: compute the distance between centroids, or use custom SQL
