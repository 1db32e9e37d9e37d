-- Workflow 'test' compiled by cwf for PostgreSQL/PostGIS (procedure).
-- Run: CALL cwf_test();

CREATE OR REPLACE PROCEDURE cwf_test(
  p_min_amount DOUBLE PRECISION DEFAULT CAST(0.0 AS DOUBLE PRECISION)
)
LANGUAGE plpgsql
AS $cwf$
BEGIN
  PERFORM pg_advisory_xact_lock(8516598057956952499);
  CREATE SCHEMA IF NOT EXISTS shop;
  DROP TABLE IF EXISTS shop.valid_orders;
  CREATE TABLE shop.valid_orders AS
  SELECT
    order_id,
    customer_id,
    status,
    amount
  FROM shop.orders
  WHERE amount >= p_min_amount;
  DROP TABLE IF EXISTS shop.customer_totals;
  CREATE TABLE shop.customer_totals AS
  WITH
    valid AS (
      SELECT
        order_id,
        customer_id,
        status,
        amount
      FROM shop.orders
      WHERE amount >= p_min_amount
    )
  SELECT
    customer_id,
    SUM(amount) AS total
  FROM valid
  GROUP BY customer_id;
  DECLARE
    cwf_measure bigint;
  BEGIN
    cwf_measure := (
      WITH
        valid AS (
          SELECT
            order_id,
            customer_id,
            status,
            amount
          FROM shop.orders
          WHERE amount >= p_min_amount
        ),
        check_1_groups AS (
          SELECT
            order_id,
            COUNT(*) AS "rows"
          FROM valid
          GROUP BY order_id
        ),
        check_1_shared AS (
          SELECT
            order_id,
            "rows"
          FROM check_1_groups
          WHERE "rows" > 1
        ),
        check_1_total AS (
          SELECT
            CAST(SUM("rows") AS BIGINT) AS measure
          FROM check_1_shared
        )
      SELECT
        COALESCE(measure, 0) AS measure
      FROM check_1_total
    );
    IF cwf_measure NOT BETWEEN 0 AND 0 THEN
      RAISE EXCEPTION '%', 'check valid.unique(order_id) failed: ' || CAST(cwf_measure AS TEXT) || ' rows'
        USING ERRCODE = 'check_violation', HINT = 'the check accepts 0';
    END IF;
  END;
  DECLARE
    cwf_measure bigint;
  BEGIN
    cwf_measure := (
      WITH
        valid AS (
          SELECT
            order_id,
            customer_id,
            status,
            amount
          FROM shop.orders
          WHERE amount >= p_min_amount
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
    );
    IF cwf_measure NOT BETWEEN 0 AND 0 THEN
      RAISE EXCEPTION '%', 'check valid.not_null(order_id, customer_id) failed: ' || CAST(cwf_measure AS TEXT) || ' rows'
        USING ERRCODE = 'check_violation', HINT = 'the check accepts 0';
    END IF;
  END;
  DECLARE
    cwf_measure bigint;
  BEGIN
    cwf_measure := (
      WITH
        valid AS (
          SELECT
            order_id,
            customer_id,
            status,
            amount
          FROM shop.orders
          WHERE amount >= p_min_amount
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
    );
    IF cwf_measure NOT BETWEEN 1 AND 1000000 THEN
      RAISE EXCEPTION '%', 'check shop.customer_totals.rows between 1 and 1000000 failed: ' || CAST(cwf_measure AS TEXT) || ' rows'
        USING ERRCODE = 'check_violation', HINT = 'the check accepts 1 to 1000000';
    END IF;
  END;
  DECLARE
    cwf_measure bigint;
  BEGIN
    cwf_measure := (
      WITH
        valid AS (
          SELECT
            order_id,
            customer_id,
            status,
            amount
          FROM shop.orders
          WHERE amount >= p_min_amount
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
    );
    IF cwf_measure NOT BETWEEN 0 AND 0 THEN
      RAISE EXCEPTION '%', 'check valid.accepted_values(status, [''open'', ''closed'']) failed: ' || CAST(cwf_measure AS TEXT) || ' rows'
        USING ERRCODE = 'check_violation', HINT = 'the check accepts 0';
    END IF;
  END;
  DECLARE
    cwf_measure bigint;
  BEGIN
    cwf_measure := (
      WITH
        valid AS (
          SELECT
            order_id,
            customer_id,
            status,
            amount
          FROM shop.orders
          WHERE amount >= p_min_amount
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
    );
    IF cwf_measure NOT BETWEEN 0 AND 0 THEN
      RAISE EXCEPTION '%', 'check valid.expression amount < 1000000 failed: ' || CAST(cwf_measure AS TEXT) || ' rows'
        USING ERRCODE = 'check_violation', HINT = 'the check accepts 0';
    END IF;
  END;
END
$cwf$;
