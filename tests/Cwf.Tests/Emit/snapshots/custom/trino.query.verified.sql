-- Workflow 'custom sql' compiled by cwf for Trino (query).

-- output analytics.custom_out
WITH
  custom_join AS (
    SELECT o.id, c.name, o.amount
    FROM shop.orders AS o
    JOIN shop.customers c ON o.customer_id = c.id
    WHERE o.status <> '$a'
  ),
  over_minimum AS (
    SELECT
      id,
      name,
      amount
    FROM custom_join
    WHERE amount >= CAST(50.0 AS DOUBLE)
  ),
  label AS (
    SELECT
      id,
      name,
      CAST('it''s big' AS VARCHAR) AS label
    FROM over_minimum
  )
SELECT
  id,
  name,
  label
FROM label
LIMIT 5;
