-- Workflow 't' compiled by cwf for Trino (script).

DROP TABLE IF EXISTS out.knn;

CREATE TABLE out.knn AS
WITH
  shops AS (
    SELECT
      id,
      name,
      ST_GeomFromBinary(geom) AS geom
    FROM src.shops
  ),
  output_knn_candidates AS (
    SELECT
      geo,
      geo_knn,
      geoid,
      geoid_knn,
      distance
    FROM (
      SELECT
        l.geom AS geo,
        r.geom AS geo_knn,
        l.id AS geoid,
        r.id AS geoid_knn,
        ST_Distance(to_spherical_geography(l.geom), to_spherical_geography(r.geom)) AS distance,
        ROW_NUMBER() OVER (PARTITION BY l.cwf_row ORDER BY ROUND(ST_Distance(to_spherical_geography(l.geom), to_spherical_geography(r.geom)), CAST(3 AS INTEGER)) ASC NULLS LAST, r.id ASC NULLS LAST, r.name ASC NULLS LAST) AS cwf_rank
      FROM (
        SELECT
          *,
          ROW_NUMBER() OVER () AS cwf_row
        FROM shops
      ) AS l
      LEFT JOIN shops AS r
        ON l.geom IS NOT NULL AND r.geom IS NOT NULL
    ) AS ranked
    WHERE cwf_rank <= 3
  ),
  output_knn_others AS (
    SELECT
      geo,
      geo_knn,
      geoid,
      geoid_knn,
      distance
    FROM output_knn_candidates
    WHERE geoid_knn <> geoid
  ),
  output_knn_numbered AS (
    SELECT
      geo,
      geo_knn,
      geoid,
      geoid_knn,
      distance,
      ROW_NUMBER() OVER (PARTITION BY geoid ORDER BY ROUND(distance, CAST(3 AS INTEGER)) ASC NULLS LAST, geoid_knn ASC NULLS LAST) AS knn
    FROM output_knn_others
  ),
  output_knn AS (
    SELECT
      geo,
      geo_knn,
      geoid,
      geoid_knn,
      distance,
      knn
    FROM output_knn_numbered
    WHERE knn <= 2
  )
SELECT
  ST_AsBinary(geo) AS geo,
  ST_AsBinary(geo_knn) AS geo_knn,
  geoid,
  geoid_knn,
  distance,
  knn
FROM output_knn;

DROP TABLE IF EXISTS out.near;

CREATE TABLE out.near AS
WITH
  shops AS (
    SELECT
      id,
      name,
      ST_GeomFromBinary(geom) AS geom
    FROM src.shops
  ),
  output_near_candidates AS (
    SELECT
      geo,
      geo_knn,
      geoid,
      geoid_knn,
      distance
    FROM (
      SELECT
        l.geom AS geo,
        r.geom AS geo_knn,
        l.id AS geoid,
        r.id AS geoid_knn,
        ST_Distance(to_spherical_geography(l.geom), to_spherical_geography(r.geom)) AS distance,
        ROW_NUMBER() OVER (PARTITION BY l.cwf_row ORDER BY ROUND(ST_Distance(to_spherical_geography(l.geom), to_spherical_geography(r.geom)), CAST(3 AS INTEGER)) ASC NULLS LAST, r.id ASC NULLS LAST, r.name ASC NULLS LAST) AS cwf_rank
      FROM (
        SELECT
          *,
          ROW_NUMBER() OVER () AS cwf_row
        FROM shops
      ) AS l
      LEFT JOIN shops AS r
        ON ST_Distance(to_spherical_geography(l.geom), to_spherical_geography(r.geom)) <= 200000
    ) AS ranked
    WHERE cwf_rank <= 4
  ),
  output_near_others AS (
    SELECT
      geo,
      geo_knn,
      geoid,
      geoid_knn,
      distance
    FROM output_near_candidates
    WHERE geoid_knn <> geoid
  ),
  output_near_numbered AS (
    SELECT
      geo,
      geo_knn,
      geoid,
      geoid_knn,
      distance,
      ROW_NUMBER() OVER (PARTITION BY geoid ORDER BY ROUND(distance, CAST(3 AS INTEGER)) ASC NULLS LAST, geoid_knn ASC NULLS LAST) AS knn
    FROM output_near_others
  ),
  output_near AS (
    SELECT
      geo,
      geo_knn,
      geoid,
      geoid_knn,
      distance,
      knn
    FROM output_near_numbered
    WHERE knn <= 3
  )
SELECT
  ST_AsBinary(geo) AS geo,
  ST_AsBinary(geo_knn) AS geo_knn,
  geoid,
  geoid_knn,
  distance,
  knn
FROM output_near;

DROP TABLE IF EXISTS out.matrix;

CREATE TABLE out.matrix AS
WITH
  shops AS (
    SELECT
      id,
      name,
      ST_GeomFromBinary(geom) AS geom
    FROM src.shops
  ),
  output_matrix_pairs AS (
    SELECT
      l.id AS id1,
      r.id AS id2,
      l.geom AS cwf_geo1,
      r.geom AS cwf_geo2
    FROM shops AS l
    INNER JOIN shops AS r
      ON TRUE
  )
SELECT
  id1,
  id2,
  ST_Distance(to_spherical_geography(cwf_geo1), to_spherical_geography(cwf_geo2)) AS distance
FROM output_matrix_pairs;

DROP TABLE IF EXISTS out.joined;

CREATE TABLE out.joined AS
SELECT
  l.period,
  l.total,
  r.total AS other_total
FROM src.a AS l
LEFT JOIN src.a AS r
  ON l.period = r.period;
