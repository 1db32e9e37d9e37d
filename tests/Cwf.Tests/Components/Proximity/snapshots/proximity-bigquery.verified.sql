-- Workflow 't' compiled by cwf for BigQuery (script).

CREATE OR REPLACE TABLE out.knn AS
WITH
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
        ST_DISTANCE(l.geom, r.geom) AS distance,
        ROW_NUMBER() OVER (PARTITION BY l.cwf_row ORDER BY ROUND(ST_DISTANCE(l.geom, r.geom), 3) ASC NULLS LAST, r.id ASC NULLS LAST, r.name ASC NULLS LAST) AS cwf_rank
      FROM (
        SELECT
          *,
          ROW_NUMBER() OVER () AS cwf_row
        FROM src.shops
      ) AS l
      LEFT JOIN src.shops AS r
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
  ROW_NUMBER() OVER (PARTITION BY geoid ORDER BY ROUND(distance, 3) ASC NULLS LAST, geoid_knn ASC NULLS LAST) AS knn
FROM output_knn_others AS w
WHERE TRUE
QUALIFY (ROW_NUMBER() OVER (PARTITION BY geoid ORDER BY ROUND(distance, 3) ASC NULLS LAST, geoid_knn ASC NULLS LAST)) <= 2;

CREATE OR REPLACE TABLE out.near AS
WITH
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
        ST_DISTANCE(l.geom, r.geom) AS distance,
        ROW_NUMBER() OVER (PARTITION BY l.cwf_row ORDER BY ROUND(ST_DISTANCE(l.geom, r.geom), 3) ASC NULLS LAST, r.id ASC NULLS LAST, r.name ASC NULLS LAST) AS cwf_rank
      FROM (
        SELECT
          *,
          ROW_NUMBER() OVER () AS cwf_row
        FROM src.shops
      ) AS l
      LEFT JOIN src.shops AS r
        ON ST_DWITHIN(l.geom, r.geom, 200000)
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
  ROW_NUMBER() OVER (PARTITION BY geoid ORDER BY ROUND(distance, 3) ASC NULLS LAST, geoid_knn ASC NULLS LAST) AS knn
FROM output_near_others AS w
WHERE TRUE
QUALIFY (ROW_NUMBER() OVER (PARTITION BY geoid ORDER BY ROUND(distance, 3) ASC NULLS LAST, geoid_knn ASC NULLS LAST)) <= 3;

CREATE OR REPLACE TABLE out.matrix AS
WITH
  output_matrix_pairs AS (
    SELECT
      l.id AS id1,
      r.id AS id2,
      l.geom AS cwf_geo1,
      r.geom AS cwf_geo2
    FROM src.shops AS l
    INNER JOIN src.shops AS r
      ON TRUE
  )
SELECT
  id1,
  id2,
  ST_DISTANCE(cwf_geo1, cwf_geo2) AS distance
FROM output_matrix_pairs;

CREATE OR REPLACE TABLE out.joined AS
SELECT
  l.period,
  l.total,
  r.total AS other_total
FROM src.a AS l
LEFT JOIN src.a AS r
  ON l.period = r.period;
