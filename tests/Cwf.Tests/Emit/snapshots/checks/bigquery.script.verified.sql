-- Workflow 'test' compiled by cwf for BigQuery (script).

CREATE OR REPLACE TABLE shop.valid_orders AS
SELECT
  order_id,
  customer_id,
  status,
  amount
FROM shop.orders
WHERE amount >= 0.0;

CREATE OR REPLACE TABLE shop.customer_totals AS
WITH
  valid AS (
    SELECT
      order_id,
      customer_id,
      status,
      amount
    FROM shop.orders
    WHERE amount >= 0.0
  )
SELECT
  customer_id,
  SUM(amount) AS total
FROM valid
GROUP BY customer_id;

SELECT CASE WHEN cwf_check.measure BETWEEN 0 AND 0 THEN NULL ELSE ERROR('check valid.unique(order_id) failed: ' || CAST(cwf_check.measure AS STRING) || ' rows') END AS failure
FROM (
  WITH
    valid AS (
      SELECT
        order_id,
        customer_id,
        status,
        amount
      FROM shop.orders
      WHERE amount >= 0.0
    ),
    check_1_groups AS (
      SELECT
        order_id,
        COUNT(*) AS `rows`
      FROM valid
      GROUP BY order_id
    ),
    check_1_shared AS (
      SELECT
        order_id,
        `rows`
      FROM check_1_groups
      WHERE `rows` > 1
    ),
    check_1_total AS (
      SELECT
        SUM(`rows`) AS measure
      FROM check_1_shared
    )
  SELECT
    COALESCE(measure, 0) AS measure
  FROM check_1_total
) AS cwf_check;

SELECT CASE WHEN cwf_check.measure BETWEEN 0 AND 0 THEN NULL ELSE ERROR('check valid.not_null(order_id, customer_id) failed: ' || CAST(cwf_check.measure AS STRING) || ' rows') END AS failure
FROM (
  WITH
    valid AS (
      SELECT
        order_id,
        customer_id,
        status,
        amount
      FROM shop.orders
      WHERE amount >= 0.0
    ),
    check_2_failing AS (
      SELECT
        order_id,
        customer_id,
        status,
        amount
      FROM valid
      WHERE order_id IS NULL OR customer_id IS NULL
    )
  SELECT
    COUNT(*) AS measure
  FROM check_2_failing
) AS cwf_check;

SELECT CASE WHEN cwf_check.measure BETWEEN 1 AND 1000000 THEN NULL ELSE ERROR('check shop.customer_totals.rows between 1 and 1000000 failed: ' || CAST(cwf_check.measure AS STRING) || ' rows') END AS failure
FROM (
  WITH
    valid AS (
      SELECT
        order_id,
        customer_id,
        status,
        amount
      FROM shop.orders
      WHERE amount >= 0.0
    ),
    output_customer_totals AS (
      SELECT
        customer_id,
        SUM(amount) AS total
      FROM valid
      GROUP BY customer_id
    )
  SELECT
    COUNT(*) AS measure
  FROM output_customer_totals
) AS cwf_check;

SELECT CASE WHEN cwf_check.measure BETWEEN 0 AND 0 THEN NULL ELSE ERROR('check valid.accepted_values(status, [\'open\', \'closed\']) failed: ' || CAST(cwf_check.measure AS STRING) || ' rows') END AS failure
FROM (
  WITH
    valid AS (
      SELECT
        order_id,
        customer_id,
        status,
        amount
      FROM shop.orders
      WHERE amount >= 0.0
    ),
    check_4_failing AS (
      SELECT
        order_id,
        customer_id,
        status,
        amount
      FROM valid
      WHERE status NOT IN ('open', 'closed')
    )
  SELECT
    COUNT(*) AS measure
  FROM check_4_failing
) AS cwf_check;

SELECT CASE WHEN cwf_check.measure BETWEEN 0 AND 0 THEN NULL ELSE ERROR('check valid.expression amount < 1000000 failed: ' || CAST(cwf_check.measure AS STRING) || ' rows') END AS failure
FROM (
  WITH
    valid AS (
      SELECT
        order_id,
        customer_id,
        status,
        amount
      FROM shop.orders
      WHERE amount >= 0.0
    ),
    check_5_failing AS (
      SELECT
        order_id,
        customer_id,
        status,
        amount
      FROM valid
      WHERE NOT (amount < 1000000)
    )
  SELECT
    COUNT(*) AS measure
  FROM check_5_failing
) AS cwf_check;

-- Diagnostics:
--   info CWF6041: BigQuery commits each statement on its own: if one output fails, the outputs written before it stay written.
