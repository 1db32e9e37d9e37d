-- Workflow 't' compiled by cwf for DuckDB (script).
-- Needs the DuckDB spatial extension: INSTALL spatial; LOAD spatial;

BEGIN TRANSACTION;

CREATE SCHEMA IF NOT EXISTS out;

CREATE OR REPLACE TABLE out.knn AS
WITH
  shops AS (
    SELECT
      id,
      name,
      CASE WHEN ST_IsValid(geom) THEN geom ELSE ST_MakeValid(geom) END AS geom
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
        ST_Distance_Spheroid(ST_FlipCoordinates(l.geom), ST_FlipCoordinates(r.geom)) AS distance,
        ROW_NUMBER() OVER (PARTITION BY l.cwf_row ORDER BY ROUND(ST_Distance_Spheroid(ST_FlipCoordinates(l.geom), ST_FlipCoordinates(r.geom)), CAST(3 AS INTEGER)) ASC NULLS LAST, r.id ASC NULLS LAST, r.name ASC NULLS LAST) AS cwf_rank
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
  )
SELECT
  geo,
  geo_knn,
  geoid,
  geoid_knn,
  distance,
  ROW_NUMBER() OVER (PARTITION BY geoid ORDER BY ROUND(distance, CAST(3 AS INTEGER)) ASC NULLS LAST, geoid_knn ASC NULLS LAST) AS knn
FROM output_knn_others AS w
QUALIFY (ROW_NUMBER() OVER (PARTITION BY geoid ORDER BY ROUND(distance, CAST(3 AS INTEGER)) ASC NULLS LAST, geoid_knn ASC NULLS LAST)) <= 2;

CREATE OR REPLACE TABLE out.near AS
WITH
  shops AS (
    SELECT
      id,
      name,
      CASE WHEN ST_IsValid(geom) THEN geom ELSE ST_MakeValid(geom) END AS geom
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
        ST_Distance_Spheroid(ST_FlipCoordinates(l.geom), ST_FlipCoordinates(r.geom)) AS distance,
        ROW_NUMBER() OVER (PARTITION BY l.cwf_row ORDER BY ROUND(ST_Distance_Spheroid(ST_FlipCoordinates(l.geom), ST_FlipCoordinates(r.geom)), CAST(3 AS INTEGER)) ASC NULLS LAST, r.id ASC NULLS LAST, r.name ASC NULLS LAST) AS cwf_rank
      FROM (
        SELECT
          *,
          ROW_NUMBER() OVER () AS cwf_row
        FROM shops
      ) AS l
      LEFT JOIN shops AS r
        ON ST_Distance_Spheroid(ST_FlipCoordinates(l.geom), ST_FlipCoordinates(r.geom)) <= 200000
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
  )
SELECT
  geo,
  geo_knn,
  geoid,
  geoid_knn,
  distance,
  ROW_NUMBER() OVER (PARTITION BY geoid ORDER BY ROUND(distance, CAST(3 AS INTEGER)) ASC NULLS LAST, geoid_knn ASC NULLS LAST) AS knn
FROM output_near_others AS w
QUALIFY (ROW_NUMBER() OVER (PARTITION BY geoid ORDER BY ROUND(distance, CAST(3 AS INTEGER)) ASC NULLS LAST, geoid_knn ASC NULLS LAST)) <= 3;

CREATE OR REPLACE TABLE out.matrix AS
WITH
  shops AS (
    SELECT
      id,
      name,
      CASE WHEN ST_IsValid(geom) THEN geom ELSE ST_MakeValid(geom) END AS geom
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
  ST_Distance_Spheroid(ST_FlipCoordinates(cwf_geo1), ST_FlipCoordinates(cwf_geo2)) AS distance
FROM output_matrix_pairs;

CREATE OR REPLACE TABLE out.joined AS
SELECT
  l.period,
  l.total,
  r.total AS other_total
FROM src.a AS l
LEFT JOIN src.a AS r
  ON l.period = r.period;

COMMIT;
