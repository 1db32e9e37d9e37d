-- Workflow 'custom sql' compiled by cwf for Snowflake (procedure).
-- Run: CALL cwf_custom_sql();

CREATE OR REPLACE PROCEDURE cwf_custom_sql(
  p_min_amount FLOAT DEFAULT CAST(50.0 AS FLOAT),
  p_label VARCHAR DEFAULT 'it\'s big'
)
RETURNS VARCHAR
LANGUAGE SQL
AS
$$
BEGIN
  CREATE OR REPLACE TABLE analytics.custom_out AS
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
      WHERE amount >= :p_min_amount
    ),
    label AS (
      SELECT
        id,
        name,
        :p_label AS label
      FROM over_minimum
    )
  SELECT
    id,
    name,
    label
  FROM label
  LIMIT 5;
  RETURN 'done';
END;
$$;
