-- Workflow 'test' compiled by cwf for BigQuery (script).
-- Needs the CARTO Analytics Toolbox for BigQuery (`carto-un`.carto): install the toolbox there, or give its location with --toolbox (or "toolbox" in the catalog), e.g. --toolbox carto-un-eu.carto

CREATE OR REPLACE TABLE o.cells AS
WITH
  output_cells_points AS (
    SELECT
      ST_UNION_AGG(geom) AS geom
    FROM src.t
  )
SELECT
  cwf_part AS geom
FROM output_cells_points AS l
CROSS JOIN UNNEST(`carto-un`.carto.ST_VORONOIPOLYGONS(ST_DUMP(l.geom), NULL)) AS cwf_part;
