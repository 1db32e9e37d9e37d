-- Workflow 'test' compiled by cwf for Snowflake (script).

BEGIN TRANSACTION;

CREATE TEMPORARY TABLE cwf_scored_1_filter AS
SELECT
  id,
  amount,
  region
FROM src.sales
WHERE amount > 10;

CALL analytics.score(cwf_scored_1_filter, 'src.regions', `out.cwf_scored`);

CREATE OR REPLACE TABLE out.scored AS
SELECT
  id,
  score
FROM out.cwf_scored
WHERE score > CAST(0.5 AS FLOAT);

DROP TABLE IF EXISTS out.cwf_scored;

DROP TABLE IF EXISTS cwf_scored_1_filter;

COMMIT;
