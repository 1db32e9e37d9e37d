-- Workflow 'custom sql' compiled by cwf for Amazon Redshift (procedure).
-- Run: CALL cwf_custom_sql(CAST(50.0 AS DOUBLE PRECISION), 'it''s big');

CREATE OR REPLACE PROCEDURE cwf_custom_sql(
  p_min_amount DOUBLE PRECISION,
  p_label VARCHAR(65535)
)
AS $$
BEGIN
  DROP TABLE IF EXISTS analytics.custom_out;
  CREATE TABLE analytics.custom_out AS
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
      WHERE amount >= p_min_amount
    ),
    label AS (
      SELECT
        id,
        name,
        p_label AS label
      FROM over_minimum
    )
  SELECT
    id,
    name,
    label
  FROM label
  LIMIT 5;
END;
$$ LANGUAGE plpgsql;
