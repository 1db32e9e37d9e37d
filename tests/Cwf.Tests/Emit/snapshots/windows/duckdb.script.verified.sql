-- Workflow 'test' compiled by cwf for DuckDB (script).

BEGIN TRANSACTION;

CREATE SCHEMA IF NOT EXISTS out;

CREATE OR REPLACE TABLE out.ranked AS
WITH
  ranked AS (
    SELECT
      sensor_id,
      seq,
      value,
      label,
      ROW_NUMBER() OVER (PARTITION BY sensor_id ORDER BY seq DESC NULLS LAST) AS rn
    FROM src.readings
  ),
  ranked_2 AS (
    SELECT
      sensor_id,
      seq,
      value,
      label,
      rn,
      RANK() OVER (PARTITION BY sensor_id ORDER BY value DESC NULLS FIRST) AS r
    FROM ranked
  ),
  ranked_3 AS (
    SELECT
      sensor_id,
      seq,
      value,
      label,
      rn,
      r,
      DENSE_RANK() OVER (PARTITION BY sensor_id ORDER BY value ASC NULLS LAST) AS d
    FROM ranked_2
  ),
  ranked_4 AS (
    SELECT
      sensor_id,
      seq,
      value,
      label,
      rn,
      r,
      d,
      PERCENT_RANK() OVER (PARTITION BY sensor_id ORDER BY value ASC NULLS LAST) AS p
    FROM ranked_3
  ),
  ranked_5 AS (
    SELECT
      sensor_id,
      seq,
      value,
      label,
      rn,
      r,
      d,
      p,
      CAST(NTILE(3) OVER (PARTITION BY sensor_id ORDER BY seq ASC NULLS LAST) AS BIGINT) AS t
    FROM ranked_4
  ),
  ranked_6 AS (
    SELECT
      sensor_id,
      seq,
      value,
      label,
      rn,
      r,
      d,
      p,
      t,
      LAG(value, 1, CAST(-1.0 AS DOUBLE)) OVER (PARTITION BY sensor_id ORDER BY seq ASC NULLS LAST) AS prev
    FROM ranked_5
  ),
  ranked_7 AS (
    SELECT
      sensor_id,
      seq,
      value,
      label,
      rn,
      r,
      d,
      p,
      t,
      prev,
      LEAD(label, 2) OVER (PARTITION BY sensor_id ORDER BY seq ASC NULLS LAST) AS next
    FROM ranked_6
  ),
  ranked_8 AS (
    SELECT
      sensor_id,
      seq,
      value,
      label,
      rn,
      r,
      d,
      p,
      t,
      prev,
      next,
      FIRST_VALUE(label) OVER (PARTITION BY sensor_id ORDER BY seq ASC NULLS LAST) AS first
    FROM ranked_7
  ),
  ranked_9 AS (
    SELECT
      sensor_id,
      seq,
      value,
      label,
      rn,
      r,
      d,
      p,
      t,
      prev,
      next,
      first,
      LAST_VALUE(label) OVER (PARTITION BY sensor_id ORDER BY seq ASC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS last
    FROM ranked_8
  ),
  ranked_10 AS (
    SELECT
      sensor_id,
      seq,
      value,
      label,
      rn,
      r,
      d,
      p,
      t,
      prev,
      next,
      first,
      last,
      SUM(value) OVER (PARTITION BY sensor_id ORDER BY seq ASC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running
    FROM ranked_9
  ),
  ranked_11 AS (
    SELECT
      sensor_id,
      seq,
      value,
      label,
      rn,
      r,
      d,
      p,
      t,
      prev,
      next,
      first,
      last,
      running,
      AVG(value) OVER (PARTITION BY sensor_id ORDER BY seq ASC NULLS LAST ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS moving
    FROM ranked_10
  ),
  ranked_12 AS (
    SELECT
      sensor_id,
      seq,
      value,
      label,
      rn,
      r,
      d,
      p,
      t,
      prev,
      next,
      first,
      last,
      running,
      moving,
      MIN(label) OVER (PARTITION BY sensor_id) AS lo
    FROM ranked_11
  ),
  ranked_13 AS (
    SELECT
      sensor_id,
      seq,
      value,
      label,
      rn,
      r,
      d,
      p,
      t,
      prev,
      next,
      first,
      last,
      running,
      moving,
      lo,
      MAX(value) OVER (PARTITION BY sensor_id) AS hi
    FROM ranked_12
  ),
  ranked_14 AS (
    SELECT
      sensor_id,
      seq,
      value,
      label,
      rn,
      r,
      d,
      p,
      t,
      prev,
      next,
      first,
      last,
      running,
      moving,
      lo,
      hi,
      COUNT(*) OVER (PARTITION BY sensor_id) AS n
    FROM ranked_13
  ),
  ranked_15 AS (
    SELECT
      sensor_id,
      seq,
      value,
      label,
      rn,
      r,
      d,
      p,
      t,
      prev,
      next,
      first,
      last,
      running,
      moving,
      lo,
      hi,
      n,
      COUNT(value) OVER (PARTITION BY sensor_id ORDER BY seq ASC NULLS LAST ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS nv
    FROM ranked_14
  )
SELECT
  sensor_id,
  seq,
  value,
  label,
  rn,
  r,
  d,
  p,
  t,
  prev,
  next,
  first,
  last,
  running,
  moving,
  lo,
  hi,
  n,
  nv,
  CAST(SUM(seq) OVER () AS BIGINT) AS total
FROM ranked_15;

CREATE OR REPLACE TABLE out.latest AS
WITH
  latest_2_filter AS (
    SELECT
      sensor_id,
      seq,
      value,
      label,
      ROW_NUMBER() OVER (PARTITION BY sensor_id ORDER BY seq DESC NULLS LAST) AS rn
    FROM src.readings AS w
    QUALIFY (ROW_NUMBER() OVER (PARTITION BY sensor_id ORDER BY seq DESC NULLS LAST)) = 1 OR value > 15
  )
SELECT
  sensor_id,
  seq,
  value
FROM latest_2_filter;

CREATE OR REPLACE TABLE out."top" AS
WITH
  top_kept AS (
    SELECT
      sensor_id,
      seq,
      value,
      label,
      ROW_NUMBER() OVER (PARTITION BY sensor_id ORDER BY value DESC NULLS FIRST, seq ASC NULLS LAST, label ASC NULLS LAST) AS cwf_row
    FROM src.readings AS w
    QUALIFY (ROW_NUMBER() OVER (PARTITION BY sensor_id ORDER BY value DESC NULLS FIRST, seq ASC NULLS LAST, label ASC NULLS LAST)) <= 2
  )
SELECT
  sensor_id,
  seq,
  value,
  label
FROM top_kept;

CREATE OR REPLACE TABLE out.firsts AS
WITH
  firsts_kept AS (
    SELECT
      sensor_id,
      seq,
      value,
      label,
      ROW_NUMBER() OVER (PARTITION BY sensor_id ORDER BY seq DESC NULLS LAST, value ASC NULLS LAST, label ASC NULLS LAST) AS cwf_row
    FROM src.readings AS w
    QUALIFY (ROW_NUMBER() OVER (PARTITION BY sensor_id ORDER BY seq DESC NULLS LAST, value ASC NULLS LAST, label ASC NULLS LAST)) <= 1
  )
SELECT
  sensor_id,
  seq,
  value,
  label
FROM firsts_kept;

COMMIT;
