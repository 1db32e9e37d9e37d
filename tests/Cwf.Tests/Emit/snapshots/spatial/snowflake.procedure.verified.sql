-- Workflow 'spatial' compiled by cwf for Snowflake (procedure).
-- Run: CALL cwf_spatial();

CREATE OR REPLACE PROCEDURE cwf_spatial()
RETURNS VARCHAR
LANGUAGE SQL
AS
$$
BEGIN
  CREATE OR REPLACE TABLE geo.place_buffers AS
  WITH
    points AS (
      SELECT
        id,
        name,
        ST_MAKEPOINT(lon, lat) AS geom
      FROM geo.places
    )
  SELECT
    id,
    geom,
    TO_GEOGRAPHY(ST_ASWKB(ST_TRANSFORM(ST_BUFFER(ST_TRANSFORM(TO_GEOMETRY(ST_ASWKB(geom), 4326), 32600 + CASE WHEN ST_Y(ST_CENTROID(geom)) < 0 THEN 100 ELSE 0 END + LEAST(60, CAST(FLOOR((ST_X(ST_CENTROID(geom)) + 180) / 6) AS INTEGER) + 1)), CAST(500.0 AS FLOAT) * 1.003222), 4326))) AS geom_buffer,
    H3_POINT_TO_CELL_STRING(geom, 8) AS h3
  FROM points;
  CREATE OR REPLACE TABLE geo.zone_stats AS
  SELECT
    zone_id,
    geom,
    ST_AREA(geom) / CAST(1000000.0 AS FLOAT) AS geom_area,
    ST_CENTROID(geom) AS geom_centroid
  FROM geo.zones;
  CREATE OR REPLACE TABLE geo.place_zones AS
  WITH
    points AS (
      SELECT
        id,
        name,
        ST_MAKEPOINT(lon, lat) AS geom
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
      INNER JOIN geo.zones AS r
        ON ST_WITHIN(l.geom, r.geom)
    )
  SELECT
    id,
    zone_name_joined,
    ST_DISTANCE(geom, geom_joined) AS distance
  FROM points_in_zones;
  CREATE OR REPLACE TABLE geo.inside AS
  WITH
    points AS (
      SELECT
        id,
        name,
        ST_MAKEPOINT(lon, lat) AS geom
      FROM geo.places
    )
  SELECT
    l.id,
    l.name,
    l.geom
  FROM points AS l
  WHERE EXISTS (
    SELECT 1
    FROM geo.zones AS r
    WHERE ST_INTERSECTS(l.geom, r.geom)
  );
  CREATE TABLE IF NOT EXISTS geo.outside (
    id BIGINT,
    name VARCHAR,
    geom GEOGRAPHY
  );
  INSERT INTO geo.outside (id, name, geom)
  WITH
    points AS (
      SELECT
        id,
        name,
        ST_MAKEPOINT(lon, lat) AS geom
      FROM geo.places
    )
  SELECT
    l.id,
    l.name,
    l.geom
  FROM points AS l
  WHERE NOT EXISTS (
    SELECT 1
    FROM geo.zones AS r
    WHERE ST_INTERSECTS(l.geom, r.geom)
  );
  RETURN 'done';
END;
$$;

-- Diagnostics:
--   warning CWF6021: Snowflake: st_buffer() in step 'Buffer and H3' buffers in the UTM zone of the geometry's centroid (Snowflake buffers GEOMETRY only, in SRID units); geometries spanning several zones or near the poles are distorted
--     hint: for 'within a distance' tests use a distance filter (st_dwithin) instead of buffer + intersects
