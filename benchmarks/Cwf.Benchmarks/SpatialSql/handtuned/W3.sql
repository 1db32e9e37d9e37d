-- W3 written by hand for PostGIS: towns over 1,000 people located in their country once, then
-- counted per country and per country and size class. The same result as cwf's script, row for
-- row (the benchmark checks it): countries repaired only where invalid (the "structure" method, as
-- cwf), numbered, their parts cut into pieces of at most 64 vertices and GiST-indexed; a town
-- is within its country when it is within one of the pieces it touches, and only otherwise (a
-- point on a cut line) is tested against the whole country. The located towns are kept in a
-- temporary table that both outputs read.

BEGIN;

CREATE SCHEMA IF NOT EXISTS bench;

CREATE TEMPORARY TABLE ht_countries AS
SELECT ROW_NUMBER() OVER () AS cid, a3,
       CASE WHEN (ST_IsValidDetail(geom)).valid THEN geom ELSE ST_MakeValid(geom, 'method=structure') END AS geom
FROM src.countries;

CREATE TEMPORARY TABLE ht_pieces AS
SELECT c.cid, ST_Subdivide(d.geom, 64) AS geom
FROM ht_countries AS c, ST_Dump(c.geom) AS d;

CREATE INDEX ON ht_pieces USING GIST (geom);
ANALYZE ht_pieces;

CREATE TEMPORARY TABLE ht_located AS
SELECT c.a3, ci.population,
       CASE WHEN ci.population >= 1000000 THEN 'large' WHEN ci.population >= 100000 THEN 'medium' ELSE 'small' END AS size
FROM src.cities AS ci
CROSS JOIN LATERAL (
  SELECT p.cid, BOOL_OR(ST_Within(ci.geom, p.geom)) AS sure
  FROM ht_pieces AS p
  WHERE ST_Intersects(ci.geom, p.geom)
  GROUP BY p.cid
) AS m
JOIN ht_countries AS c ON c.cid = m.cid
WHERE ci.population > 1000
  AND (m.sure OR ST_Within(ci.geom, c.geom));

DROP TABLE IF EXISTS bench.w3_per_country;

CREATE TABLE bench.w3_per_country AS
SELECT a3 AS a3_joined, COUNT(*) AS towns, SUM(population)::bigint AS population
FROM ht_located
GROUP BY a3;

DROP TABLE IF EXISTS bench.w3_per_size;

CREATE TABLE bench.w3_per_size AS
SELECT a3 AS a3_joined, size, COUNT(*) AS towns, SUM(population)::bigint AS population
FROM ht_located
GROUP BY a3, size;

DROP TABLE ht_located;
DROP TABLE ht_pieces;
DROP TABLE ht_countries;

COMMIT;
