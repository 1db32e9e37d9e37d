-- Workflow 'test' compiled by cwf for Trino (script).

DROP TABLE IF EXISTS out.ranked;

CREATE TABLE out.ranked AS
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
  SUM(seq) OVER () AS total
FROM ranked_15;

DROP TABLE IF EXISTS out.latest;

CREATE TABLE out.latest AS
WITH
  latest_1_derive AS (
    SELECT
      sensor_id,
      seq,
      value,
      label,
      ROW_NUMBER() OVER (PARTITION BY sensor_id ORDER BY seq DESC NULLS LAST) AS rn
    FROM src.readings
  ),
  latest_2_filter AS (
    SELECT
      sensor_id,
      seq,
      value,
      label,
      rn
    FROM latest_1_derive
    WHERE rn = 1 OR value > 15
  )
SELECT
  sensor_id,
  seq,
  value
FROM latest_2_filter;

DROP TABLE IF EXISTS out."top";

CREATE TABLE out."top" AS
WITH
  top_numbered AS (
    SELECT
      sensor_id,
      seq,
      value,
      label,
      ROW_NUMBER() OVER (PARTITION BY sensor_id ORDER BY value DESC NULLS FIRST, seq ASC NULLS LAST, label ASC NULLS LAST) AS cwf_row
    FROM src.readings
  ),
  top_kept AS (
    SELECT
      sensor_id,
      seq,
      value,
      label,
      cwf_row
    FROM top_numbered
    WHERE cwf_row <= 2
  )
SELECT
  sensor_id,
  seq,
  value,
  label
FROM top_kept;

DROP TABLE IF EXISTS out.firsts;

CREATE TABLE out.firsts AS
WITH
  firsts_numbered AS (
    SELECT
      sensor_id,
      seq,
      value,
      label,
      ROW_NUMBER() OVER (PARTITION BY sensor_id ORDER BY seq DESC NULLS LAST, value ASC NULLS LAST, label ASC NULLS LAST) AS cwf_row
    FROM src.readings
  ),
  firsts_kept AS (
    SELECT
      sensor_id,
      seq,
      value,
      label,
      cwf_row
    FROM firsts_numbered
    WHERE cwf_row <= 1
  )
SELECT
  sensor_id,
  seq,
  value,
  label
FROM firsts_kept;

-- Diagnostics:
--   info CWF6041: Trino commits each statement on its own: if one output fails, the outputs written before it stay written.
