-- Workflow 't' compiled by cwf for PostgreSQL/PostGIS (script).

BEGIN;

SELECT pg_advisory_xact_lock(3085249207388305874);

CREATE SCHEMA IF NOT EXISTS out;

CREATE TEMPORARY TABLE cwf_output_knn_candidates_side AS
SELECT ROW_NUMBER() OVER () AS cwf_row, s.*
FROM (
  SELECT
    id,
    name,
    (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_SetSRID(CAST(geom AS geometry), 4326) AS cwf_g) AS r) AS geom
  FROM src.shops
  OFFSET 0
) AS s;

CREATE INDEX ON cwf_output_knn_candidates_side (cwf_row);

CREATE INDEX ON cwf_output_knn_candidates_side USING GIST ((geom::geography));

ANALYZE cwf_output_knn_candidates_side;

CREATE TEMPORARY TABLE cwf_output_near_candidates_side AS
SELECT ROW_NUMBER() OVER () AS cwf_row, s.*
FROM (
  SELECT
    id,
    name,
    (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_SetSRID(CAST(geom AS geometry), 4326) AS cwf_g) AS r) AS geom
  FROM src.shops
  OFFSET 0
) AS s;

CREATE INDEX ON cwf_output_near_candidates_side (cwf_row);

CREATE INDEX ON cwf_output_near_candidates_side USING GIST ((geom::geography));

ANALYZE cwf_output_near_candidates_side;

DROP TABLE IF EXISTS out.knn;

CREATE TABLE out.knn AS
WITH
  shops AS (
    SELECT
      id,
      name,
      (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_SetSRID(CAST(geom AS geometry), 4326) AS cwf_g) AS r) AS geom
    FROM src.shops
    OFFSET 0
  ),
  output_knn_candidates AS (
    SELECT
      l.geom AS geo,
      r.geom AS geo_knn,
      l.id AS geoid,
      r.id AS geoid_knn,
      r.cwf_distance AS distance
    FROM shops AS l
    LEFT JOIN LATERAL (
      SELECT
        r.*,
        ST_Distance(l.geom::geography, r.geom::geography) AS cwf_distance
      FROM cwf_output_knn_candidates_side AS r
      WHERE ST_DWithin((r.geom::geography), (l.geom::geography), (SELECT MAX(c.cwf_sphere) FROM (SELECT (s.geom::geography) <-> (l.geom::geography) AS cwf_sphere FROM cwf_output_knn_candidates_side AS s ORDER BY (s.geom::geography) <-> (l.geom::geography) LIMIT 3) AS c) * 1.02 + 1, false)
      ORDER BY CAST(ROUND(CAST(ST_Distance(l.geom::geography, r.geom::geography) AS NUMERIC), CAST(3 AS INTEGER)) AS DOUBLE PRECISION) ASC NULLS LAST, r.id ASC NULLS LAST, r.name COLLATE "C" ASC NULLS LAST
      LIMIT 3
    ) AS r ON TRUE
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
      ROW_NUMBER() OVER (PARTITION BY geoid ORDER BY CAST(ROUND(CAST(distance AS NUMERIC), CAST(3 AS INTEGER)) AS DOUBLE PRECISION) ASC NULLS LAST, geoid_knn ASC NULLS LAST) AS knn
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
  CAST(ST_SetSRID(geo, 4326) AS geometry(Geometry,4326)) AS geo,
  CAST(ST_SetSRID(geo_knn, 4326) AS geometry(Geometry,4326)) AS geo_knn,
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
      (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_SetSRID(CAST(geom AS geometry), 4326) AS cwf_g) AS r) AS geom
    FROM src.shops
    OFFSET 0
  ),
  output_near_candidates AS (
    SELECT
      l.geom AS geo,
      r.geom AS geo_knn,
      l.id AS geoid,
      r.id AS geoid_knn,
      r.cwf_distance AS distance
    FROM shops AS l
    LEFT JOIN LATERAL (
      SELECT
        r.*,
        ST_Distance(l.geom::geography, r.geom::geography) AS cwf_distance
      FROM cwf_output_near_candidates_side AS r
      WHERE ST_DWithin((r.geom::geography), (l.geom::geography), (SELECT MAX(c.cwf_sphere) FROM (SELECT (s.geom::geography) <-> (l.geom::geography) AS cwf_sphere FROM cwf_output_near_candidates_side AS s ORDER BY (s.geom::geography) <-> (l.geom::geography) LIMIT 4) AS c) * 1.02 + 1, false)
        AND ST_DWithin(l.geom::geography, r.geom::geography, 200000)
      ORDER BY CAST(ROUND(CAST(ST_Distance(l.geom::geography, r.geom::geography) AS NUMERIC), CAST(3 AS INTEGER)) AS DOUBLE PRECISION) ASC NULLS LAST, r.id ASC NULLS LAST, r.name COLLATE "C" ASC NULLS LAST
      LIMIT 4
    ) AS r ON TRUE
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
      ROW_NUMBER() OVER (PARTITION BY geoid ORDER BY CAST(ROUND(CAST(distance AS NUMERIC), CAST(3 AS INTEGER)) AS DOUBLE PRECISION) ASC NULLS LAST, geoid_knn ASC NULLS LAST) AS knn
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
  CAST(ST_SetSRID(geo, 4326) AS geometry(Geometry,4326)) AS geo,
  CAST(ST_SetSRID(geo_knn, 4326) AS geometry(Geometry,4326)) AS geo_knn,
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
      (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_SetSRID(CAST(geom AS geometry), 4326) AS cwf_g) AS r) AS geom
    FROM src.shops
    OFFSET 0
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
  ST_Distance(cwf_geo1::geography, cwf_geo2::geography) AS distance
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

DROP TABLE IF EXISTS pg_temp.cwf_output_near_candidates_side;

DROP TABLE IF EXISTS pg_temp.cwf_output_knn_candidates_side;

COMMIT;
