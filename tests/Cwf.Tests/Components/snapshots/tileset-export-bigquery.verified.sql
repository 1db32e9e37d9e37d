-- Workflow 'Create tileset (the node of a public BigQuery export, find_string id 26125032227)' compiled by cwf for BigQuery (script).
-- Needs the CARTO Analytics Toolbox for BigQuery (`carto-un`.carto): install the toolbox there, or give its location with --toolbox (or "toolbox" in the catalog), e.g. --toolbox carto-un-eu.carto

DROP TABLE IF EXISTS `carto-dw-ac-7xhfwyml.private_lgarciaduarte_0a0e7b7c.potential_buildings_madrid_tileset`;

CALL `carto-un`.carto.CREATE_TILESET(
  '(SELECT\n  geom,\n  gi_avg,\n  p_value_max,\n  geom_area,\n  potential_score\nFROM cartobq.docs.buildings_mad)',
  '`carto-dw-ac-7xhfwyml.private_lgarciaduarte_0a0e7b7c.potential_buildings_madrid_tileset`',
  STRUCT('potentialbuildings_madrid' AS name, 'Aggregated tileset with all buildings in Madrid showing hot/cold spots for new mobile phone antennas placement' AS description, NULL AS legend, 10 AS zoom_min, 16 AS zoom_max, 'geom' AS geom_column_name, NULL AS zoom_min_column, NULL AS zoom_max_column, 512 AS max_tile_size_kb, NULL AS tile_feature_order, TRUE AS drop_duplicates, NULL AS extra_metadata)
);
