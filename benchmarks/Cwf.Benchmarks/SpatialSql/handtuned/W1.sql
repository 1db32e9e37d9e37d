-- W1 written by hand for PostGIS: every city in the country it lies in, count and population per country.
-- The same result as cwf's script, row for row (the benchmark checks it): countries repaired only
-- where invalid (the "structure" method, as cwf), numbered, their parts cut into pieces of at most
-- 64 vertices and GiST-indexed; each city finds the pieces it touches through the index, is
-- within its country when it is within one of them, and only otherwise (a point on a cut line) is
-- tested against the whole country. The cities are points read as they are (no validity check).

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

DROP TABLE IF EXISTS bench.w1_per_country;

CREATE TABLE bench.w1_per_country AS
SELECT c.a3 AS a3_joined, COUNT(*) AS cities, SUM(ci.population)::bigint AS population
FROM src.cities AS ci
CROSS JOIN LATERAL (
  SELECT p.cid, BOOL_OR(ST_Within(ci.geom, p.geom)) AS sure
  FROM ht_pieces AS p
  WHERE ST_Intersects(ci.geom, p.geom)
  GROUP BY p.cid
) AS m
JOIN ht_countries AS c ON c.cid = m.cid
WHERE m.sure OR ST_Within(ci.geom, c.geom)
GROUP BY c.a3;

DROP TABLE ht_pieces;
DROP TABLE ht_countries;

COMMIT;
