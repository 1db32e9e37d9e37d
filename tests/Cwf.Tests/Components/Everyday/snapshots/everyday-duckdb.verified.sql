-- Workflow 't' compiled by cwf for DuckDB (script).

BEGIN TRANSACTION;

CREATE SCHEMA IF NOT EXISTS out;

CREATE OR REPLACE TABLE out.t AS
WITH
  t AS (
    SELECT
      id,
      reading,
      value,
      CASE WHEN ST_IsValid(geom) THEN geom ELSE ST_MakeValid(geom) END AS geom
    FROM src.t
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
      CAST(reading AS DOUBLE) AS reading,
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
      CASE WHEN NULLIF(cwf_max - cwf_min, CAST(0.0 AS DOUBLE)) = 0 THEN error('division by zero') ELSE (reading - cwf_min) / NULLIF(cwf_max - cwf_min, CAST(0.0 AS DOUBLE)) END AS scaled
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
  output_t_4_sample_drawn_kept AS (
    SELECT
      id,
      reading,
      value,
      geom,
      scaled,
      cwf_row,
      ROW_NUMBER() OVER (ORDER BY (cwf_row + 7) * 2654435761 % 4294967296 ASC NULLS LAST, id ASC NULLS LAST, reading ASC NULLS LAST, value ASC NULLS LAST, scaled ASC NULLS LAST, cwf_row ASC NULLS LAST) AS cwf_row_2
    FROM output_t_4_sample_ordered AS w
    QUALIFY (ROW_NUMBER() OVER (ORDER BY (cwf_row + 7) * 2654435761 % 4294967296 ASC NULLS LAST, id ASC NULLS LAST, reading ASC NULLS LAST, value ASC NULLS LAST, scaled ASC NULLS LAST, cwf_row ASC NULLS LAST)) <= 10
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
  )
SELECT
  l.id,
  l.reading,
  l.value,
  l.geom,
  l.scaled,
  r.shift AS shift_joined
FROM output_t_4_sample AS l
INNER JOIN src.u AS r
  ON TRUE;

COMMIT;
