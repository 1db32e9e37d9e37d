-- Workflow 'test' compiled by cwf for BigQuery (script).
-- Needs the CARTO Analytics Toolbox for BigQuery (`carto-un`.carto): install the toolbox there, or give its location with --toolbox (or "toolbox" in the catalog), e.g. --toolbox carto-un-eu.carto

DROP TABLE IF EXISTS proj.maps.building_tiles;

CALL `carto-un`.carto.CREATE_TILESET(
  '(SELECT\n  id,\n  score,\n  zmin,\n  kind,\n  geom\nFROM src.buildings)',
  'proj.maps.building_tiles',
  STRUCT(NULL AS name, NULL AS description, NULL AS legend, 2 AS zoom_min, 14 AS zoom_max, 'geom' AS geom_column_name, 'zmin' AS zoom_min_column, NULL AS zoom_max_column, 512 AS max_tile_size_kb, 'score DESC' AS tile_feature_order, TRUE AS drop_duplicates, NULL AS extra_metadata)
);
