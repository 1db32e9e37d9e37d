-- Workflow 't' compiled by cwf for BigQuery (script).

CREATE OR REPLACE TABLE out.t AS
WITH
  output_t_1_remove_duplicates AS (
    SELECT
      id,
      reading,
      value,
      ANY_VALUE(geom) AS geom
    FROM src.t
    GROUP BY id, reading, value, ST_ASBINARY(geom)
  ),
  output_t_2_cast_column AS (
    SELECT
      id,
      CAST(reading AS FLOAT64) AS reading,
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
      (reading - cwf_min) / NULLIF(cwf_max - cwf_min, 0.0) AS scaled
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
      ROW_NUMBER() OVER (ORDER BY MOD((cwf_row + 7) * 2654435761, 4294967296) ASC NULLS LAST, id ASC NULLS LAST, reading ASC NULLS LAST, value ASC NULLS LAST, scaled ASC NULLS LAST, cwf_row ASC NULLS LAST) AS cwf_row_2
    FROM output_t_4_sample_ordered AS w
    WHERE TRUE
    QUALIFY (ROW_NUMBER() OVER (ORDER BY MOD((cwf_row + 7) * 2654435761, 4294967296) ASC NULLS LAST, id ASC NULLS LAST, reading ASC NULLS LAST, value ASC NULLS LAST, scaled ASC NULLS LAST, cwf_row ASC NULLS LAST)) <= 10
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
