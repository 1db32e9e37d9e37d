-- Workflow 'spatial' compiled by cwf for BigQuery (query).
-- Needs the CARTO Analytics Toolbox for BigQuery (`carto-un`.carto): install the toolbox there, or give its location with --toolbox (or "toolbox" in the catalog), e.g. --toolbox carto-un-eu.carto

-- output geo.place_buffers
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

-- output geo.zone_stats
SELECT
  zone_id,
  geom,
  ST_AREA(geom) / 1000000.0 AS geom_area,
  ST_CENTROID(geom) AS geom_centroid
FROM geo.zones;

-- output geo.place_zones
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

-- output geo.inside
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

-- output geo.outside
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
