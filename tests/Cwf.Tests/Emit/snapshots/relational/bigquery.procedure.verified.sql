-- Workflow 'relational' compiled by cwf for BigQuery (procedure).
-- Run: CALL analytics.cwf_relational();

CREATE OR REPLACE PROCEDURE analytics.cwf_relational()
BEGIN
  CREATE OR REPLACE TABLE analytics.orders_by_region AS
  WITH
    big_orders AS (
      SELECT
        id,
        customer_id,
        amount,
        quantity,
        status,
        created
      FROM shop.orders
      WHERE amount > 100.0
    ),
    derive AS (
      SELECT
        id,
        customer_id,
        amount / quantity AS unit_price,
        quantity / 2 AS half,
        UPPER(status) AS status,
        EXTRACT(YEAR FROM created) AS year,
        CAST('web' AS STRING) AS source
      FROM big_orders
    ),
    join_customers AS (
      SELECT
        l.id,
        l.customer_id,
        l.unit_price,
        l.half,
        l.status,
        l.year,
        l.source,
        r.id AS id_joined,
        r.name AS name_joined,
        r.region AS region_joined
      FROM derive AS l
      LEFT JOIN shop.customers AS r
        ON l.customer_id = r.id
    )
  SELECT
    region_joined,
    SUM(unit_price) AS unit_price_sum,
    COUNT(id) AS id_count,
    COUNT(DISTINCT customer_id) AS customer_id_count_distinct,
    COUNT(*) AS `rows`
  FROM join_customers
  GROUP BY region_joined;
  CREATE OR REPLACE TABLE analytics.order_summary AS
  WITH
    small_orders AS (
      SELECT
        id,
        customer_id,
        amount,
        quantity,
        status,
        created
      FROM shop.orders
      WHERE NOT COALESCE(amount > 100.0, FALSE)
    )
  SELECT
    SUM(quantity) AS quantity_sum,
    AVG(CAST(quantity AS FLOAT64)) AS quantity_avg,
    MIN(amount) AS amount_min,
    MAX(amount) AS amount_max
  FROM small_orders;
  CREATE TABLE IF NOT EXISTS analytics.top_orders (
    id INT64,
    customer_id INT64,
    amount FLOAT64,
    quantity INT64,
    status STRING,
    created DATE
  );
  INSERT INTO analytics.top_orders (id, customer_id, amount, quantity, status, created)
  WITH
    big_orders AS (
      SELECT
        id,
        customer_id,
        amount,
        quantity,
        status,
        created
      FROM shop.orders
      WHERE amount > 100.0
    ),
    small_orders AS (
      SELECT
        id,
        customer_id,
        amount,
        quantity,
        status,
        created
      FROM shop.orders
      WHERE NOT COALESCE(amount > 100.0, FALSE)
    ),
    all_orders AS (
      SELECT
        id,
        customer_id,
        amount,
        quantity,
        status,
        created
      FROM big_orders
      UNION ALL
      SELECT
        id,
        customer_id,
        amount,
        quantity,
        status,
        created
      FROM small_orders
    ),
    sort AS (
      SELECT
        id,
        customer_id,
        amount,
        quantity,
        status,
        created
      FROM all_orders
      ORDER BY amount DESC NULLS LAST, id ASC NULLS LAST
    )
  SELECT
    id,
    customer_id,
    amount,
    quantity,
    status,
    created
  FROM sort
  ORDER BY amount DESC NULLS LAST, id ASC NULLS LAST
  LIMIT 10;
  CREATE OR REPLACE TABLE statuses AS
  WITH
    statuses_2 AS (
      SELECT
        status
      FROM shop.orders
    )
  SELECT DISTINCT
    status
  FROM statuses_2;
END;
