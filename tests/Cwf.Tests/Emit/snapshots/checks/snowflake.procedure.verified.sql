-- Workflow 'test' compiled by cwf for Snowflake (procedure).
-- Run: CALL cwf_test();

CREATE OR REPLACE PROCEDURE cwf_test(
  p_min_amount FLOAT DEFAULT CAST(0.0 AS FLOAT)
)
RETURNS VARCHAR
LANGUAGE SQL
AS
$$
BEGIN
  CREATE OR REPLACE TABLE shop.valid_orders AS
  SELECT
    order_id,
    customer_id,
    status,
    amount
  FROM shop.orders
  WHERE amount >= :p_min_amount;
  CREATE OR REPLACE TABLE shop.customer_totals AS
  WITH
    valid AS (
      SELECT
        order_id,
        customer_id,
        status,
        amount
      FROM shop.orders
      WHERE amount >= :p_min_amount
    )
  SELECT
    customer_id,
    SUM(amount) AS total
  FROM valid
  GROUP BY customer_id;
  DECLARE
    cwf_check_failed EXCEPTION (-20001, 'check valid.unique(order_id) failed (the check accepts 0)');
    cwf_measure INTEGER;
  BEGIN
    SELECT cwf_check.measure INTO :cwf_measure FROM (
      WITH
        valid AS (
          SELECT
            order_id,
            customer_id,
            status,
            amount
          FROM shop.orders
          WHERE amount >= :p_min_amount
        ),
        check_1_groups AS (
          SELECT
            order_id,
            COUNT(*) AS "ROWS"
          FROM valid
          GROUP BY order_id
        ),
        check_1_shared AS (
          SELECT
            order_id,
            "ROWS"
          FROM check_1_groups
          WHERE "ROWS" > 1
        ),
        check_1_total AS (
          SELECT
            SUM("ROWS") AS measure
          FROM check_1_shared
        )
      SELECT
        COALESCE(measure, 0) AS measure
      FROM check_1_total
    ) AS cwf_check;
    IF (cwf_measure NOT BETWEEN 0 AND 0) THEN
      RAISE cwf_check_failed;
    END IF;
  END;
  DECLARE
    cwf_check_failed EXCEPTION (-20001, 'check valid.not_null(order_id, customer_id) failed (the check accepts 0)');
    cwf_measure INTEGER;
  BEGIN
    SELECT cwf_check.measure INTO :cwf_measure FROM (
      WITH
        valid AS (
          SELECT
            order_id,
            customer_id,
            status,
            amount
          FROM shop.orders
          WHERE amount >= :p_min_amount
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
    IF (cwf_measure NOT BETWEEN 0 AND 0) THEN
      RAISE cwf_check_failed;
    END IF;
  END;
  DECLARE
    cwf_check_failed EXCEPTION (-20001, 'check shop.customer_totals.rows between 1 and 1000000 failed (the check accepts 1 to 1000000)');
    cwf_measure INTEGER;
  BEGIN
    SELECT cwf_check.measure INTO :cwf_measure FROM (
      WITH
        valid AS (
          SELECT
            order_id,
            customer_id,
            status,
            amount
          FROM shop.orders
          WHERE amount >= :p_min_amount
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
    IF (cwf_measure NOT BETWEEN 1 AND 1000000) THEN
      RAISE cwf_check_failed;
    END IF;
  END;
  DECLARE
    cwf_check_failed EXCEPTION (-20001, 'check valid.accepted_values(status, [\'open\', \'closed\']) failed (the check accepts 0)');
    cwf_measure INTEGER;
  BEGIN
    SELECT cwf_check.measure INTO :cwf_measure FROM (
      WITH
        valid AS (
          SELECT
            order_id,
            customer_id,
            status,
            amount
          FROM shop.orders
          WHERE amount >= :p_min_amount
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
    IF (cwf_measure NOT BETWEEN 0 AND 0) THEN
      RAISE cwf_check_failed;
    END IF;
  END;
  DECLARE
    cwf_check_failed EXCEPTION (-20001, 'check valid.expression amount < 1000000 failed (the check accepts 0)');
    cwf_measure INTEGER;
  BEGIN
    SELECT cwf_check.measure INTO :cwf_measure FROM (
      WITH
        valid AS (
          SELECT
            order_id,
            customer_id,
            status,
            amount
          FROM shop.orders
          WHERE amount >= :p_min_amount
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
    IF (cwf_measure NOT BETWEEN 0 AND 0) THEN
      RAISE cwf_check_failed;
    END IF;
  END;
  RETURN 'done';
END;
$$;
