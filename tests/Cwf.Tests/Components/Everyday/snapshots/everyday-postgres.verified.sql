-- Workflow 't' compiled by cwf for PostgreSQL/PostGIS (script).

BEGIN;

SELECT pg_advisory_xact_lock(3576383015975973845);

CREATE SCHEMA IF NOT EXISTS out;

DROP TABLE IF EXISTS out.t;

CREATE TABLE out.t AS
WITH
  t AS (
    SELECT
      id,
      reading,
      value,
      (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_SetSRID(CAST(geom AS geometry), 4326) AS cwf_g) AS r) AS geom
    FROM src.t
    OFFSET 0
  ),
  output_t_1_remove_duplicates AS (
    SELECT DISTINCT
      id,
      reading,
      value,
      geom
    FROM t
  ),
  output_t_2_cast_column AS (
    SELECT
      id,
      CAST(reading AS DOUBLE PRECISION) AS reading,
      value,
      geom
    FROM output_t_1_remove_duplicates
  ),
  output_t_3_normalize_range AS (
    SELECT
      id,
      reading,
      value,
      geom,
      MIN(reading) OVER () AS cwf_min,
      MAX(reading) OVER () AS cwf_max
    FROM output_t_2_cast_column
  ),
  output_t_3_normalize_scaled AS (
    SELECT
      id,
      reading,
      value,
      geom,
      cwf_min,
      cwf_max,
      (reading - cwf_min) / NULLIF(cwf_max - cwf_min, CAST(0.0 AS DOUBLE PRECISION)) AS scaled
    FROM output_t_3_normalize_range
  ),
  output_t_3_normalize AS (
    SELECT
      id,
      reading,
      value,
      geom,
      scaled
    FROM output_t_3_normalize_scaled
  ),
  output_t_4_sample_ordered AS (
    SELECT
      id,
      reading,
      value,
      geom,
      scaled,
      ROW_NUMBER() OVER (ORDER BY id ASC NULLS LAST, reading ASC NULLS LAST, value ASC NULLS LAST, scaled ASC NULLS LAST) AS cwf_row
    FROM output_t_3_normalize
  ),
  output_t_4_sample_drawn_numbered AS (
    SELECT
      id,
      reading,
      value,
      geom,
      scaled,
      cwf_row,
      ROW_NUMBER() OVER (ORDER BY (cwf_row + 7) * 2654435761 % 4294967296 ASC NULLS LAST, id ASC NULLS LAST, reading ASC NULLS LAST, value ASC NULLS LAST, scaled ASC NULLS LAST, cwf_row ASC NULLS LAST) AS cwf_row_2
    FROM output_t_4_sample_ordered
  ),
  output_t_4_sample_drawn_kept AS (
    SELECT
      id,
      reading,
      value,
      geom,
      scaled,
      cwf_row,
      cwf_row_2
    FROM output_t_4_sample_drawn_numbered
    WHERE cwf_row_2 <= 10
  ),
  output_t_4_sample_drawn AS (
    SELECT
      id,
      reading,
      value,
      geom,
      scaled,
      cwf_row
    FROM output_t_4_sample_drawn_kept
  ),
  output_t_4_sample AS (
    SELECT
      id,
      reading,
      value,
      geom,
      scaled
    FROM output_t_4_sample_drawn
  ),
  output_t AS (
    SELECT
      l.id,
      l.reading,
      l.value,
      l.geom,
      l.scaled,
      r.shift AS shift_joined
    FROM output_t_4_sample AS l
    INNER JOIN src.u AS r
      ON TRUE
  )
SELECT
  id,
  reading,
  value,
  CAST(ST_SetSRID(geom, 4326) AS geometry(Geometry,4326)) AS geom,
  scaled,
  shift_joined
FROM output_t;

COMMIT;
