-- Workflow 't' compiled by cwf for PostgreSQL/PostGIS (script).

BEGIN;

SELECT pg_advisory_xact_lock(3576383015975973845);

CREATE SCHEMA IF NOT EXISTS out;

DROP TABLE IF EXISTS out.t;

CREATE TABLE out.t AS
WITH
  t AS (
    SELECT
      id,
      (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_SetSRID(CAST(geom AS geometry), 4326) AS cwf_g) AS r) AS geom,
      (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_SetSRID(CAST(other AS geometry), 4326) AS cwf_g) AS r) AS other,
      wkt
    FROM src.t
    OFFSET 0
  ),
  output_t_1_perimeter AS (
    SELECT
      id,
      geom,
      other,
      wkt,
      ST_Perimeter(geom::geography) AS geom_perimeter
    FROM t
  ),
  output_t_2_numpoints AS (
    SELECT
      id,
      geom,
      other,
      wkt,
      geom_perimeter,
      CAST(ST_NPoints(geom) AS BIGINT) AS geom_numpoints
    FROM output_t_1_perimeter
  ),
  output_t_3_numgeometries AS (
    SELECT
      id,
      geom,
      other,
      wkt,
      geom_perimeter,
      geom_numpoints,
      CAST(ST_NumGeometries(geom) AS BIGINT) AS geom_numgeometries
    FROM output_t_2_numpoints
  ),
  output_t_4_geometrytype AS (
    SELECT
      id,
      geom,
      other,
      wkt,
      geom_perimeter,
      geom_numpoints,
      geom_numgeometries,
      ST_GeometryType(geom) AS geom_type
    FROM output_t_3_numgeometries
  ),
  output_t_5_pointn AS (
    SELECT
      id,
      geom,
      other,
      wkt,
      geom_perimeter,
      geom_numpoints,
      geom_numgeometries,
      geom_type,
      CASE WHEN (-1) BETWEEN -2147483648 AND 2147483647 THEN ST_PointN(geom, CAST((-1) AS INTEGER)) END AS geom_pointn
    FROM output_t_4_geometrytype
  ),
  output_t_6_makepolygon AS (
    SELECT
      id,
      geom,
      other,
      wkt,
      geom_perimeter,
      geom_numpoints,
      geom_numgeometries,
      geom_type,
      geom_pointn,
      (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_MakePolygon(geom) AS cwf_g) AS r) AS geom_polygon
    FROM output_t_5_pointn
  ),
  output_t_7_boundingbox AS (
    SELECT
      id,
      geom,
      other,
      wkt,
      geom_perimeter,
      geom_numpoints,
      geom_numgeometries,
      geom_type,
      geom_pointn,
      geom_polygon,
      ST_Envelope(geom) AS geom_bbox
    FROM output_t_6_makepolygon
  ),
  output_t_8_asgeojson AS (
    SELECT
      id,
      geom,
      other,
      wkt,
      geom_perimeter,
      geom_numpoints,
      geom_numgeometries,
      geom_type,
      geom_pointn,
      geom_polygon,
      geom_bbox,
      ST_AsGeoJSON(geom) AS geom_geojson
    FROM output_t_7_boundingbox
  ),
  output_t_9_geogfromtext AS (
    SELECT
      id,
      geom,
      other,
      wkt,
      geom_perimeter,
      geom_numpoints,
      geom_numgeometries,
      geom_type,
      geom_pointn,
      geom_polygon,
      geom_bbox,
      geom_geojson,
      CASE WHEN (ST_IsValidDetail(ST_GeomFromText(wkt, 4326))).valid THEN ST_GeomFromText(wkt, 4326) ELSE ST_MakeValid(ST_GeomFromText(wkt, 4326), 'method=structure') END AS wkt_geo
    FROM output_t_8_asgeojson
  ),
  output_t_10_lineinterpolatepoint AS (
    SELECT
      id,
      geom,
      other,
      wkt,
      geom_perimeter,
      geom_numpoints,
      geom_numgeometries,
      geom_type,
      geom_pointn,
      geom_polygon,
      geom_bbox,
      geom_geojson,
      wkt_geo,
      ST_LineInterpolatePoint(geom, CAST(0.5 AS DOUBLE PRECISION)) AS geom_point
    FROM output_t_9_geogfromtext
  ),
  output_t_11_destination AS (
    SELECT
      id,
      geom,
      other,
      wkt,
      geom_perimeter,
      geom_numpoints,
      geom_numgeometries,
      geom_type,
      geom_pointn,
      geom_polygon,
      geom_bbox,
      geom_geojson,
      wkt_geo,
      geom_point,
      ST_Project(geom::geography, CAST(1000.0 AS DOUBLE PRECISION), RADIANS(90))::geometry AS geom_destination
    FROM output_t_10_lineinterpolatepoint
  ),
  output_t_12_intersection AS (
    SELECT
      id,
      geom,
      other,
      wkt,
      geom_perimeter,
      geom_numpoints,
      geom_numgeometries,
      geom_type,
      geom_pointn,
      geom_polygon,
      geom_bbox,
      geom_geojson,
      wkt_geo,
      geom_point,
      geom_destination,
      ST_Intersection(geom, other) AS intersection
    FROM output_t_11_destination
  ),
  output_t_13_difference AS (
    SELECT
      id,
      geom,
      other,
      wkt,
      geom_perimeter,
      geom_numpoints,
      geom_numgeometries,
      geom_type,
      geom_pointn,
      geom_polygon,
      geom_bbox,
      geom_geojson,
      wkt_geo,
      geom_point,
      geom_destination,
      intersection,
      ST_Difference(geom, other) AS difference
    FROM output_t_12_intersection
  ),
  output_t_14_boundary AS (
    SELECT
      id,
      geom,
      other,
      wkt,
      geom_perimeter,
      geom_numpoints,
      geom_numgeometries,
      geom_type,
      geom_pointn,
      geom_polygon,
      geom_bbox,
      geom_geojson,
      wkt_geo,
      geom_point,
      geom_destination,
      intersection,
      difference,
      ST_Boundary(geom) AS geom_boundary
    FROM output_t_13_difference
  ),
  output_t_15_convexhull AS (
    SELECT
      id,
      geom,
      other,
      wkt,
      geom_perimeter,
      geom_numpoints,
      geom_numgeometries,
      geom_type,
      geom_pointn,
      geom_polygon,
      geom_bbox,
      geom_geojson,
      wkt_geo,
      geom_point,
      geom_destination,
      intersection,
      difference,
      geom_boundary,
      ST_ConvexHull(geom) AS geom_convexhull
    FROM output_t_14_boundary
  ),
  output_t_16_concavehull AS (
    SELECT
      id,
      geom,
      other,
      wkt,
      geom_perimeter,
      geom_numpoints,
      geom_numgeometries,
      geom_type,
      geom_pointn,
      geom_polygon,
      geom_bbox,
      geom_geojson,
      wkt_geo,
      geom_point,
      geom_destination,
      intersection,
      difference,
      geom_boundary,
      geom_convexhull,
      ST_ConcaveHull(geom, CAST(0.3 AS DOUBLE PRECISION)) AS geom_concavehull
    FROM output_t_15_convexhull
  ),
  output_t_17_simplify AS (
    SELECT
      id,
      geom,
      other,
      wkt,
      geom_perimeter,
      geom_numpoints,
      geom_numgeometries,
      geom_type,
      geom_pointn,
      geom_polygon,
      geom_bbox,
      geom_geojson,
      wkt_geo,
      geom_point,
      geom_destination,
      intersection,
      difference,
      geom_boundary,
      geom_convexhull,
      geom_concavehull,
      ST_SimplifyPreserveTopology(geom, CAST(100.0 AS DOUBLE PRECISION) / 111319.49079327357) AS geom_simplified
    FROM output_t_16_concavehull
  ),
  output_t_18_snaptogrid AS (
    SELECT
      id,
      geom,
      other,
      wkt,
      geom_perimeter,
      geom_numpoints,
      geom_numgeometries,
      geom_type,
      geom_pointn,
      geom_polygon,
      geom_bbox,
      geom_geojson,
      wkt_geo,
      geom_point,
      geom_destination,
      intersection,
      difference,
      geom_boundary,
      geom_convexhull,
      geom_concavehull,
      geom_simplified,
      (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_SnapToGrid(geom, CAST(0.01 AS DOUBLE PRECISION)) AS cwf_g) AS r) AS geom_snapped
    FROM output_t_17_simplify
  ),
  output_t_19_removeholes AS (
    SELECT
      id,
      geom,
      other,
      wkt,
      geom_perimeter,
      geom_numpoints,
      geom_numgeometries,
      geom_type,
      geom_pointn,
      geom_polygon,
      geom_bbox,
      geom_geojson,
      wkt_geo,
      geom_point,
      geom_destination,
      intersection,
      difference,
      geom_boundary,
      geom_convexhull,
      geom_concavehull,
      geom_simplified,
      geom_snapped,
      CASE WHEN ST_IsEmpty(geom) THEN geom WHEN GeometryType(geom) = 'POLYGON' THEN ST_MakePolygon(ST_ExteriorRing(geom)) WHEN GeometryType(geom) = 'MULTIPOLYGON' THEN (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_Collect(ARRAY(SELECT ST_MakePolygon(ST_ExteriorRing(d.geom)) FROM ST_Dump(geom) AS d)) AS cwf_g) AS r) ELSE geom END AS geom_noholes
    FROM output_t_18_snaptogrid
  ),
  output_t_20_xycoords AS (
    SELECT
      id,
      geom,
      other,
      wkt,
      geom_perimeter,
      geom_numpoints,
      geom_numgeometries,
      geom_type,
      geom_pointn,
      geom_polygon,
      geom_bbox,
      geom_geojson,
      wkt_geo,
      geom_point,
      geom_destination,
      intersection,
      difference,
      geom_boundary,
      geom_convexhull,
      geom_concavehull,
      geom_simplified,
      geom_snapped,
      geom_noholes,
      ST_X(geom) AS geom_x
    FROM output_t_19_removeholes
  ),
  output_t_20_xycoords_2 AS (
    SELECT
      id,
      geom,
      other,
      wkt,
      geom_perimeter,
      geom_numpoints,
      geom_numgeometries,
      geom_type,
      geom_pointn,
      geom_polygon,
      geom_bbox,
      geom_geojson,
      wkt_geo,
      geom_point,
      geom_destination,
      intersection,
      difference,
      geom_boundary,
      geom_convexhull,
      geom_concavehull,
      geom_simplified,
      geom_snapped,
      geom_noholes,
      geom_x,
      ST_Y(geom) AS geom_y
    FROM output_t_20_xycoords
  ),
  output_t AS (
    SELECT
      id,
      geom,
      other,
      wkt,
      geom_perimeter,
      geom_numpoints,
      geom_numgeometries,
      geom_type,
      geom_pointn,
      geom_polygon,
      geom_bbox,
      geom_geojson,
      wkt_geo,
      geom_point,
      geom_destination,
      intersection,
      difference,
      geom_boundary,
      geom_convexhull,
      geom_concavehull,
      geom_simplified,
      geom_snapped,
      geom_noholes,
      geom_x,
      geom_y,
      (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_MakeLine(geom, other) AS cwf_g) AS r) AS line
    FROM output_t_20_xycoords_2
  ),
  output_t_2 AS (
    SELECT
      id,
      geom,
      other,
      wkt,
      geom_perimeter,
      geom_numpoints,
      geom_numgeometries,
      geom_type,
      geom_pointn,
      geom_polygon,
      geom_bbox,
      geom_geojson,
      wkt_geo,
      geom_point,
      geom_destination,
      intersection,
      difference,
      geom_boundary,
      geom_convexhull,
      geom_concavehull,
      geom_simplified,
      geom_snapped,
      geom_noholes,
      geom_x,
      geom_y,
      line,
      (SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT ST_MakeEnvelope(0, 0, 1, 1, 4326) AS cwf_g) AS r) AS box
    FROM output_t
  )
SELECT
  id,
  CAST(ST_SetSRID(geom, 4326) AS geometry(Geometry,4326)) AS geom,
  CAST(ST_SetSRID(other, 4326) AS geometry(Geometry,4326)) AS other,
  wkt,
  geom_perimeter,
  geom_numpoints,
  geom_numgeometries,
  geom_type,
  CAST(ST_SetSRID(geom_pointn, 4326) AS geometry(Geometry,4326)) AS geom_pointn,
  CAST(ST_SetSRID(geom_polygon, 4326) AS geometry(Geometry,4326)) AS geom_polygon,
  CAST(ST_SetSRID(geom_bbox, 4326) AS geometry(Geometry,4326)) AS geom_bbox,
  geom_geojson,
  CAST(ST_SetSRID(wkt_geo, 4326) AS geometry(Geometry,4326)) AS wkt_geo,
  CAST(ST_SetSRID(geom_point, 4326) AS geometry(Geometry,4326)) AS geom_point,
  CAST(ST_SetSRID(geom_destination, 4326) AS geometry(Geometry,4326)) AS geom_destination,
  CAST(ST_SetSRID(intersection, 4326) AS geometry(Geometry,4326)) AS intersection,
  CAST(ST_SetSRID(difference, 4326) AS geometry(Geometry,4326)) AS difference,
  CAST(ST_SetSRID(geom_boundary, 4326) AS geometry(Geometry,4326)) AS geom_boundary,
  CAST(ST_SetSRID(geom_convexhull, 4326) AS geometry(Geometry,4326)) AS geom_convexhull,
  CAST(ST_SetSRID(geom_concavehull, 4326) AS geometry(Geometry,4326)) AS geom_concavehull,
  CAST(ST_SetSRID(geom_simplified, 4326) AS geometry(Geometry,4326)) AS geom_simplified,
  CAST(ST_SetSRID(geom_snapped, 4326) AS geometry(Geometry,4326)) AS geom_snapped,
  CAST(ST_SetSRID(geom_noholes, 4326) AS geometry(Geometry,4326)) AS geom_noholes,
  geom_x,
  geom_y,
  CAST(ST_SetSRID(line, 4326) AS geometry(Geometry,4326)) AS line,
  CAST(ST_SetSRID(box, 4326) AS geometry(Geometry,4326)) AS box
FROM output_t_2;

COMMIT;
