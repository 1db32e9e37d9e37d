-- Workflow 'spatial' compiled by cwf for BigQuery (script).
-- Needs the CARTO Analytics Toolbox for BigQuery (`carto-un`.carto): install the toolbox there, or give its location with --toolbox (or "toolbox" in the catalog), e.g. --toolbox carto-un-eu.carto

CREATE OR REPLACE TABLE geo.place_buffers AS
WITH
  points AS (
    SELECT
      id,
      name,
      ST_GEOGPOINT(lon, lat) AS geom
    FROM geo.places
  )
SELECT
  id,
  geom,
  ST_BUFFER(geom, 500.0 * 1.003222) AS geom_buffer,
  `carto-un`.carto.H3_FROMGEOGPOINT(geom, 8) AS h3
FROM points;

CREATE OR REPLACE TABLE geo.zone_stats AS
SELECT
  zone_id,
  geom,
  ST_AREA(geom) / 1000000.0 AS geom_area,
  ST_CENTROID(geom) AS geom_centroid
FROM geo.zones;

CREATE OR REPLACE TABLE geo.place_zones AS
WITH
  points AS (
    SELECT
      id,
      name,
      ST_GEOGPOINT(lon, lat) AS geom
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
      ST_GEOGPOINT(lon, lat) AS geom
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
  id INT64,
  name STRING,
  geom GEOGRAPHY
);

INSERT INTO geo.outside (id, name, geom)
WITH
  points AS (
    SELECT
      id,
      name,
      ST_GEOGPOINT(lon, lat) AS geom
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

-- Diagnostics:
--   warning CWF6020: The BigQuery SQL for h3_from_point() (first used in step 'Buffer and H3') needs the CARTO Analytics Toolbox for BigQuery (`carto-un`.carto)
--     hint: install the toolbox there, or give its location with --toolbox (or "toolbox" in the catalog), e.g. --toolbox carto-un-eu.carto
--   info CWF6041: BigQuery commits each statement on its own: if one output fails, the outputs written before it stay written.
