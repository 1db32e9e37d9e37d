-- Workflow 'test' compiled by cwf for PostgreSQL/PostGIS (script).

BEGIN;

SELECT pg_advisory_xact_lock(1814837508061679372);

CREATE SCHEMA IF NOT EXISTS o;

DROP TABLE IF EXISTS o.t;

CREATE TABLE o.t AS
WITH
  t AS (
    SELECT
      id,
      region,
      ts,
      (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_SetSRID(CAST(geom AS geometry), 4326) AS cwf_g) AS r) AS geom
    FROM src.t
    OFFSET 0
  ),
  output_t AS (
    SELECT
      region,
      ST_Union(geom) AS u,
      CASE WHEN (ST_IsValidDetail(ST_Collect(geom))).valid THEN ST_Collect(geom) ELSE ST_MakeValid(ST_Collect(geom), 'method=structure') END AS c,
      ST_Envelope(ST_Collect(geom)) AS e,
      ST_ConvexHull(ST_Collect(geom)) AS h,
      ST_Centroid(ST_Collect(geom)) AS m,
      CASE WHEN (ST_IsValidDetail(ST_MakeLine(geom ORDER BY ts DESC NULLS LAST, ST_X(ST_Centroid(geom)) ASC NULLS LAST, ST_Y(ST_Centroid(geom)) ASC NULLS LAST))).valid THEN ST_MakeLine(geom ORDER BY ts DESC NULLS LAST, ST_X(ST_Centroid(geom)) ASC NULLS LAST, ST_Y(ST_Centroid(geom)) ASC NULLS LAST) ELSE ST_MakeValid(ST_MakeLine(geom ORDER BY ts DESC NULLS LAST, ST_X(ST_Centroid(geom)) ASC NULLS LAST, ST_Y(ST_Centroid(geom)) ASC NULLS LAST), 'method=structure') END AS l
    FROM t
    GROUP BY region
  )
SELECT
  region,
  CAST(ST_SetSRID(u, 4326) AS geometry(Geometry,4326)) AS u,
  CAST(ST_SetSRID(c, 4326) AS geometry(Geometry,4326)) AS c,
  CAST(ST_SetSRID(e, 4326) AS geometry(Geometry,4326)) AS e,
  CAST(ST_SetSRID(h, 4326) AS geometry(Geometry,4326)) AS h,
  CAST(ST_SetSRID(m, 4326) AS geometry(Geometry,4326)) AS m,
  CAST(ST_SetSRID(l, 4326) AS geometry(Geometry,4326)) AS l
FROM output_t;

COMMIT;
