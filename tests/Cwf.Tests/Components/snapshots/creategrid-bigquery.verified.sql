-- Workflow 'test' compiled by cwf for BigQuery (script).

CREATE OR REPLACE TABLE o.grid AS
WITH
  output_grid_extent AS (
    SELECT
      ST_MAKEPOLYGON(ST_MAKELINE([ST_GEOGPOINT(ST_EXTENT(geom).xmin, ST_EXTENT(geom).ymin), ST_GEOGPOINT(ST_EXTENT(geom).xmin, ST_EXTENT(geom).ymax), ST_GEOGPOINT(ST_EXTENT(geom).xmax, ST_EXTENT(geom).ymax), ST_GEOGPOINT(ST_EXTENT(geom).xmax, ST_EXTENT(geom).ymin)])) AS geo
    FROM src.t
  )
SELECT
  cwf_part AS geo
FROM output_grid_extent AS l
CROSS JOIN UNNEST(ST_DUMP(CASE WHEN 0.5 > 0 AND NOT ST_ISEMPTY(l.geo) THEN (SELECT ST_UNION(ARRAY_AGG(ST_GEOGPOINT(ST_BOUNDINGBOX(l.geo).xmin + cwf_i * 0.5, ST_BOUNDINGBOX(l.geo).ymin + cwf_j * 0.5))) FROM UNNEST(GENERATE_ARRAY(0, CAST(FLOOR((ST_BOUNDINGBOX(l.geo).xmax - ST_BOUNDINGBOX(l.geo).xmin) / 0.5) AS INT64))) AS cwf_i CROSS JOIN UNNEST(GENERATE_ARRAY(0, CAST(FLOOR((ST_BOUNDINGBOX(l.geo).ymax - ST_BOUNDINGBOX(l.geo).ymin) / 0.5) AS INT64))) AS cwf_j) END)) AS cwf_part;
