-- Workflow 'relational' compiled by cwf for Amazon Redshift (procedure).
-- Run: CALL cwf_relational();

CREATE OR REPLACE PROCEDURE cwf_relational()
AS $$
BEGIN
  DROP TABLE IF EXISTS analytics.orders_by_region;
  CREATE TABLE analytics.orders_by_region AS
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
      WHERE amount > CAST(100.0 AS DOUBLE PRECISION)
    ),
    derive AS (
      SELECT
        id,
        customer_id,
        amount / quantity AS unit_price,
        CAST(quantity AS DOUBLE PRECISION) / 2 AS half,
        UPPER(status) AS status,
        CAST(EXTRACT(YEAR FROM created) AS BIGINT) AS year,
        CAST('web' AS VARCHAR(65535)) AS source
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
    COUNT(*) AS "rows"
  FROM join_customers
  GROUP BY region_joined;
  DROP TABLE IF EXISTS analytics.order_summary;
  CREATE TABLE analytics.order_summary AS
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
      WHERE NOT COALESCE(amount > CAST(100.0 AS DOUBLE PRECISION), FALSE)
    )
  SELECT
    CAST(SUM(quantity) AS BIGINT) AS quantity_sum,
    AVG(CAST(quantity AS DOUBLE PRECISION)) AS quantity_avg,
    MIN(amount) AS amount_min,
    MAX(amount) AS amount_max
  FROM small_orders;
  CREATE TABLE IF NOT EXISTS analytics.top_orders (
    id BIGINT,
    customer_id BIGINT,
    amount DOUBLE PRECISION,
    quantity BIGINT,
    status VARCHAR(65535),
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
      WHERE amount > CAST(100.0 AS DOUBLE PRECISION)
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
      WHERE NOT COALESCE(amount > CAST(100.0 AS DOUBLE PRECISION), FALSE)
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
  DROP TABLE IF EXISTS statuses;
  CREATE TABLE statuses AS
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
$$ LANGUAGE plpgsql;
