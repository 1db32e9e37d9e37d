-- Workflow 'custom sql' compiled by cwf for PostgreSQL/PostGIS (script).

BEGIN;

SELECT pg_advisory_xact_lock(7622414479193691363);

CREATE SCHEMA IF NOT EXISTS analytics;

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
    WHERE amount >= CAST(50.0 AS DOUBLE PRECISION)
  ),
  label AS (
    SELECT
      id,
      name,
      CAST('it''s big' AS TEXT) AS label
    FROM over_minimum
  )
SELECT
  id,
  name,
  label
FROM label
LIMIT 5;

COMMIT;
