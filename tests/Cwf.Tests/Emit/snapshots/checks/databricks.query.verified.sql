-- Workflow 'test' compiled by cwf for Databricks (query).

-- output shop.valid_orders
SELECT
  order_id,
  customer_id,
  status,
  amount
FROM `shop`.`orders`
WHERE amount >= CAST(0.0 AS DOUBLE);

-- output shop.customer_totals
WITH
  valid AS (
    SELECT
      order_id,
      customer_id,
      status,
      amount
    FROM `shop`.`orders`
    WHERE amount >= CAST(0.0 AS DOUBLE)
  )
SELECT
  customer_id,
  SUM(amount) AS total
FROM valid
GROUP BY customer_id;

-- check valid.unique(order_id): the measure (passes when 0)
WITH
  valid AS (
    SELECT
      order_id,
      customer_id,
      status,
      amount
    FROM `shop`.`orders`
    WHERE amount >= CAST(0.0 AS DOUBLE)
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
FROM check_1_total;

-- check valid.not_null(order_id, customer_id): the measure (passes when 0)
WITH
  valid AS (
    SELECT
      order_id,
      customer_id,
      status,
      amount
    FROM `shop`.`orders`
    WHERE amount >= CAST(0.0 AS DOUBLE)
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
FROM check_2_failing;

-- check shop.customer_totals.rows between 1 and 1000000: the measure (passes when 1 to 1000000)
WITH
  valid AS (
    SELECT
      order_id,
      customer_id,
      status,
      amount
    FROM `shop`.`orders`
    WHERE amount >= CAST(0.0 AS DOUBLE)
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
FROM output_customer_totals;

-- check valid.accepted_values(status, ['open', 'closed']): the measure (passes when 0)
WITH
  valid AS (
    SELECT
      order_id,
      customer_id,
      status,
      amount
    FROM `shop`.`orders`
    WHERE amount >= CAST(0.0 AS DOUBLE)
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
FROM check_4_failing;

-- check valid.expression amount < 1000000: the measure (passes when 0)
WITH
  valid AS (
    SELECT
      order_id,
      customer_id,
      status,
      amount
    FROM `shop`.`orders`
    WHERE amount >= CAST(0.0 AS DOUBLE)
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
FROM check_5_failing;
