-- Workflow 'custom sql' compiled by cwf for Databricks (procedure).
-- Run: CALL `cwf_custom_sql`();

CREATE OR REPLACE PROCEDURE `cwf_custom_sql`(
  IN p_min_amount DOUBLE DEFAULT CAST(50.0 AS DOUBLE),
  IN p_label STRING DEFAULT 'it\'s big'
)
LANGUAGE SQL
SQL SECURITY INVOKER
AS BEGIN
  CREATE OR REPLACE TABLE `analytics`.`custom_out` AS
  WITH
    custom_join AS (
      SELECT o.id, c.name, o.amount
      FROM `shop`.`orders` AS o
      JOIN `shop`.`customers` c ON o.customer_id = c.id
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
