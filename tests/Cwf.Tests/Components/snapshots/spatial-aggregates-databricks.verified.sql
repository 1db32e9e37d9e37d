-- Workflow 'test' compiled by cwf for Databricks (script).
-- Needs Databricks Runtime 17.1+ or a pro/serverless SQL warehouse (st_* functions): the st_* functions are not available on DBSQL Classic warehouses

CREATE OR REPLACE TABLE `o`.`t` AS
SELECT
  region,
  st_union_agg(geom) AS u,
  st_collect_agg(geom) AS c,
  st_envelope(st_collect_agg(geom)) AS e,
  st_convexhull(st_collect_agg(geom)) AS h,
  st_centroid(st_collect_agg(geom)) AS m,
  CASE WHEN count(geom) = 0 THEN NULL ELSE st_makeline(transform(array_sort(collect_list(named_struct('cwf_g', geom, 'cwf_k0', ts, 'cwf_k1', st_x(st_centroid(geom)), 'cwf_k2', st_y(st_centroid(geom)))) FILTER (WHERE geom IS NOT NULL), (cwf_l, cwf_r) -> CASE WHEN cwf_l.cwf_k0 IS NULL AND cwf_r.cwf_k0 IS NOT NULL THEN 1 WHEN cwf_l.cwf_k0 IS NOT NULL AND cwf_r.cwf_k0 IS NULL THEN -1 WHEN cwf_l.cwf_k0 < cwf_r.cwf_k0 THEN 1 WHEN cwf_l.cwf_k0 > cwf_r.cwf_k0 THEN -1 WHEN cwf_l.cwf_k1 IS NULL AND cwf_r.cwf_k1 IS NOT NULL THEN 1 WHEN cwf_l.cwf_k1 IS NOT NULL AND cwf_r.cwf_k1 IS NULL THEN -1 WHEN cwf_l.cwf_k1 < cwf_r.cwf_k1 THEN -1 WHEN cwf_l.cwf_k1 > cwf_r.cwf_k1 THEN 1 WHEN cwf_l.cwf_k2 IS NULL AND cwf_r.cwf_k2 IS NOT NULL THEN 1 WHEN cwf_l.cwf_k2 IS NOT NULL AND cwf_r.cwf_k2 IS NULL THEN -1 WHEN cwf_l.cwf_k2 < cwf_r.cwf_k2 THEN -1 WHEN cwf_l.cwf_k2 > cwf_r.cwf_k2 THEN 1 ELSE 0 END), cwf_e -> cwf_e.cwf_g)) END AS l
FROM `src`.`t`
GROUP BY region;
