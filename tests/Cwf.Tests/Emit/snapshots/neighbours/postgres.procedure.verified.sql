-- Workflow 'test' compiled by cwf for PostgreSQL/PostGIS (procedure).
-- Run: CALL cwf_test();

CREATE OR REPLACE PROCEDURE cwf_test()
LANGUAGE plpgsql
AS $cwf$
BEGIN
  PERFORM pg_advisory_xact_lock(-8343128918952731508);
  CREATE SCHEMA IF NOT EXISTS out;
  DROP TABLE IF EXISTS out.parcel_stations;
  CREATE TABLE out.parcel_stations AS
  WITH
    parcels AS (
      SELECT
        parcel_id,
        (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_SetSRID(CAST(geom AS geometry), 4326) AS cwf_g) AS r) AS geom
      FROM geo.parcels
      OFFSET 0
    ),
    stations AS (
      SELECT
        station_id,
        name,
        (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_SetSRID(CAST(geom AS geometry), 4326) AS cwf_g) AS r) AS geom
      FROM geo.stations
      OFFSET 0
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
    CAST(ST_SetSRID(geom, 4326) AS geometry(Geometry,4326)) AS geom,
    station_id_joined,
    name_joined,
    CAST(ST_SetSRID(geom_joined, 4326) AS geometry(Geometry,4326)) AS geom_joined
  FROM output_parcel_stations;
  DROP TABLE IF EXISTS out.nearest_bounded;
  CREATE TABLE out.nearest_bounded AS
  WITH
    parcels AS (
      SELECT
        parcel_id,
        (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_SetSRID(CAST(geom AS geometry), 4326) AS cwf_g) AS r) AS geom
      FROM geo.parcels
      OFFSET 0
    ),
    stations AS (
      SELECT
        station_id,
        name,
        (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_SetSRID(CAST(geom AS geometry), 4326) AS cwf_g) AS r) AS geom
      FROM geo.stations
      OFFSET 0
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
          ST_Distance(l.geom::geography, r.geom::geography) AS meters,
          ROW_NUMBER() OVER (PARTITION BY l.cwf_row ORDER BY CAST(ROUND(CAST(ST_Distance(l.geom::geography, r.geom::geography) AS NUMERIC), CAST(3 AS INTEGER)) AS DOUBLE PRECISION) ASC NULLS LAST, r.station_id ASC NULLS LAST, r.name COLLATE "C" ASC NULLS LAST) AS cwf_rank
        FROM (
          SELECT
            *,
            ROW_NUMBER() OVER () AS cwf_row
          FROM parcels
        ) AS l
        LEFT JOIN stations AS r
          ON ST_DWithin(l.geom::geography, r.geom::geography, CAST(5000.0 AS DOUBLE PRECISION))
      ) AS ranked
      WHERE cwf_rank <= 2
    )
  SELECT
    parcel_id,
    CAST(ST_SetSRID(geom, 4326) AS geometry(Geometry,4326)) AS geom,
    station_id_joined,
    name_joined,
    CAST(ST_SetSRID(geom_joined, 4326) AS geometry(Geometry,4326)) AS geom_joined,
    meters
  FROM output_nearest_bounded;
  DROP TABLE IF EXISTS out.nearest;
  CREATE TABLE out.nearest AS
  WITH
    parcels AS (
      SELECT
        parcel_id,
        (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_SetSRID(CAST(geom AS geometry), 4326) AS cwf_g) AS r) AS geom
      FROM geo.parcels
      OFFSET 0
    ),
    stations AS (
      SELECT
        station_id,
        name,
        (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_SetSRID(CAST(geom AS geometry), 4326) AS cwf_g) AS r) AS geom
      FROM geo.stations
      OFFSET 0
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
          ST_Distance(l.geom::geography, r.geom::geography) AS distance,
          ROW_NUMBER() OVER (PARTITION BY l.cwf_row ORDER BY CAST(ROUND(CAST(ST_Distance(l.geom::geography, r.geom::geography) AS NUMERIC), CAST(3 AS INTEGER)) AS DOUBLE PRECISION) ASC NULLS LAST, r.station_id ASC NULLS LAST, r.name COLLATE "C" ASC NULLS LAST) AS cwf_rank
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
    CAST(ST_SetSRID(geom, 4326) AS geometry(Geometry,4326)) AS geom,
    station_id_joined,
    name_joined,
    CAST(ST_SetSRID(geom_joined, 4326) AS geometry(Geometry,4326)) AS geom_joined,
    distance
  FROM output_nearest;
END
$cwf$;

-- Diagnostics:
--   warning CWF6600: PostgreSQL/PostGIS: nearest in step 'output_nearest' has no distance bound, so every row is paired with every row of the other input and ranked (quadratic in the rows)
--     hint: add a bound that surely holds k neighbours (nearest 3 from other within 50 km): the warehouse's spatial join then pairs only rows within it
