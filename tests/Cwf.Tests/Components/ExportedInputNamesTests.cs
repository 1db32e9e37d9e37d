using Cwf.Canvas;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Tests.Canvas;

namespace Cwf.Tests.Components;

/// <summary>
/// Components whose input names were cwf's choice until a public export showed them: the nodes below are copied
/// verbatim from the canvases of CartoDB/agent-skills (skills/carto-trade-area-analysis/identify_best_billboards.json,
/// commercial_hotspots.json, whose native.h3distance node is the only public trace of that component;
/// skills/carto-spatial-enrichment/estimate_population_around_retail_stores.json,
/// enrich_grid.json; BigQuery exports, with their UI keys and the ignored <c>optimizationcol</c>), and import,
/// decompile and round-trip as written.
/// </summary>
public class ExportedInputNamesTests
{
    private const string Normalize = """
        {"width": 64, "height": 64, "id": "4e675228-bfaf-4c31-a78a-e5a5dfc492a5", "data": {"name": "native.normalize", "version": "1", "inputs": [{"name": "source", "type": "Table", "title": "Source table", "description": "Source table"}, {"name": "column", "type": "Column", "title": "Column to normalize", "dataType": ["number"], "parent": "source", "description": "Column to normalize", "value": "female_18_40_pop_joined_max"}, {"name": "zscores", "type": "Boolean", "title": "Use z-scores", "default": false, "optional": true, "description": "Use z-scores", "value": false}, {"name": "optimizationcol", "type": "Column", "title": "Cluster by", "parent": "source", "parentOutput": "result", "dataType": ["geography", "boolean", "number", "string", "date", "datetime", "time", "timestamp"], "providers": ["bigquery"], "optional": true, "advanced": true, "description": "Cluster by", "value": "h3"}], "label": "Normalize"}, "type": "generic", "zIndex": 2, "dragging": false, "position": {"x": 1584, "y": 544}, "selected": false, "positionAbsolute": {"x": 1584, "y": 544}}
        """;

    private const string CrossJoin = """
        {"id": "23d8643e-928e-40a1-9af3-fce1d3e293c8", "data": {"name": "native.crossjoin", "version": "1", "inputs": [{"name": "maintable", "type": "Table", "title": "Main table", "description": "Main table"}, {"name": "secondarytable", "type": "Table", "title": "Secondary table", "description": "Secondary table"}, {"name": "optimizationcol", "type": "Column", "title": "Cluster by", "parent": "source", "parentOutput": "result", "dataType": ["geography", "boolean", "number", "string", "date", "datetime", "time", "timestamp"], "providers": ["bigquery"], "optional": true, "advanced": true, "description": "Cluster by"}], "label": "Cross Join"}, "type": "generic", "width": 64, "height": 64, "zIndex": 2, "dragging": false, "position": {"x": 1632, "y": 560}, "selected": false, "positionAbsolute": {"x": 1632, "y": 560}}
        """;

    private const string Join = """
        {"id": "010ef399-60bb-4a2b-9a0e-bd05dc924528", "data": {"name": "native.join", "inputs": [{"name": "maintable", "type": "Table", "title": "Main table", "description": "Main table"}, {"name": "secondarytable", "type": "Table", "title": "Secondary table", "description": "Secondary table"}, {"name": "maincolumn", "type": "Column", "title": "Column in main table", "parent": "maintable", "dataType": ["boolean", "date", "datetime", "time", "timestamp", "number", "string"], "description": "Column in main table", "value": "store_id"}, {"name": "secondarycolumn", "type": "Column", "title": "Column in secondary table", "parent": "secondarytable", "dataType": ["boolean", "date", "datetime", "time", "timestamp", "number", "string"], "description": "Column in secondary table", "value": "store_id"}, {"name": "jointype", "type": "Selection", "title": "Join type", "options": ["Inner", "Left", "Right", "Full outer"], "default": "Inner", "description": "Join type", "value": "Inner"}, {"name": "optimizationcol"}], "version": "1.1", "label": "Join"}, "type": "generic", "width": 64, "height": 64, "zIndex": 2, "dragging": false, "position": {"x": 1760, "y": 400}, "selected": false, "positionAbsolute": {"x": 1760, "y": 400}}
        """;

    private const string TableFromGeoJson = """
        {"width": 64, "height": 64, "id": "d67ebe9b-c8f1-4abd-9772-89ccb87c2692", "position": {"x": 704, "y": 544}, "data": {"name": "native.tablefromgeojson", "version": "1.1", "inputs": [{"name": "geojson", "type": "GeoJSON", "title": "GeoJSON string", "placeholder": "E.g.:\n      {\n      \"type\": \"FeatureCollection\",\n      \"features\": [\n        {\n          \"type\": \"Feature\",\n          \"properties\": {},\n          \"geometry\": {\n            \"coordinates\":\n                [\n                  -9.90157740958361,\n                  43.97667987529289\n                ],\n            \"type\": \"Point\"\n          }\n        }\n      ]\n    }", "description": "GeoJSON string", "value": "{\n  \"type\": \"FeatureCollection\",\n  \"features\": [\n    {\n      \"type\": \"Feature\",\n      \"properties\": {\n        \"name\": \"Polygon 1\"\n      },\n      \"geometry\": {\n        \"type\": \"Polygon\",\n        \"coordinates\": [\n          [\n            [\n              -4.14275747143223,\n              40.526684883800286\n            ],\n            [\n              -4.14275747143223,\n              40.14915667403192\n            ],\n            [\n              -3.022264020841626,\n              40.14915667403192\n            ],\n            [\n              -3.022264020841626,\n              40.526684883800286\n            ],\n            [\n              -4.14275747143223,\n              40.526684883800286\n            ]\n          ]\n        ]\n      }\n    }\n  ]\n}"}, {"name": "optimizationcol", "type": "Column", "title": "Cluster by", "parent": "source", "parentOutput": "result", "dataType": ["geography", "boolean", "number", "string", "date", "datetime", "time", "timestamp"], "providers": ["bigquery"], "optional": true, "advanced": true, "description": "Cluster by"}], "label": "Table from GeoJSON"}, "type": "generic", "zIndex": 2, "selected": false, "positionAbsolute": {"x": 704, "y": 544}, "dragging": false}
        """;

    private const string H3Distance = """
        {"id": "47d1aa4e-f67c-45c2-8995-49e681a41840", "data": {"name": "native.h3distance", "version": "1", "inputs": [{"name": "source", "type": "Table", "title": "Source table", "description": "Source table"}, {"name": "h3_1", "type": "Column", "title": "First H3 index column", "parent": "source", "dataType": ["string"], "description": "First H3 index column", "value": "h3"}, {"name": "h3_2", "type": "Column", "title": "Second H3 index column", "parent": "source", "dataType": ["string"], "description": "Second H3 index column", "value": "h3_restaurant_joined"}, {"name": "optimizationcol", "type": "Column", "title": "Cluster by", "parent": "source", "parentOutput": "result", "dataType": ["geography", "boolean", "number", "string", "date", "datetime", "time", "timestamp"], "providers": ["bigquery"], "optional": true, "advanced": true, "description": "Cluster by", "value": "h3"}], "label": "H3 Grid Distance"}, "type": "generic", "width": 64, "height": 64, "zIndex": 2, "dragging": false, "position": {"x": 1776, "y": 560}, "selected": false, "positionAbsolute": {"x": 1776, "y": 560}}
        """;

    /// <summary>The exported node between the given sources (each into the input it names) and a save.</summary>
    private static CanvasImportResult Import(string node, params (string Port, string Table, string[] Columns)[] sources)
    {
        var c = new TestCanvas { Provider = "bigquery" };
        var copied = c.Exported(node);
        foreach (var (port, table, columns) in sources)
            c.Flow(c.Source(table, null, columns), copied, port);
        c.Flow(copied, c.Node("native.saveastable", "Save", ("destination", "out.t")));
        return CanvasTestKit.Import(c);
    }

    private static Schema Output(CanvasImportResult imported) => imported.Workflow![imported.Workflow.Sinks.Single().Input].Schema;

    [Fact]
    public void The_exported_normalize_node_scales_its_column_and_round_trips()
    {
        var imported = Import(Normalize, ("source", "src.cells", ["h3:string", "female_18_40_pop_joined_max:float64"]));
        CanvasTestKit.AssertRoundTrip(imported, "normalize female_18_40_pop_joined_max");
        Assert.Equal(["h3", "female_18_40_pop_joined_max", "female_18_40_pop_joined_max_norm"], Output(imported).Names);
    }

    [Fact]
    public void Z_scores_are_reported_at_the_input_on_a_canvas_and_in_cwf()
    {
        var c = new TestCanvas();
        var node = c.Node("native.normalize", "Normalize", ("column", "value"), ("zscores", true));
        c.Flow(c.Source("src.t", "t", "value:float64"), node).Flow(node, c.Node("native.saveastable", "Save", ("destination", "out.t")));
        var error = Assert.Single(CanvasTestKit.Import(c).Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.NormalizeZScores, error.Descriptor);
        Assert.Equal("zscores", ((CanvasLocation)error.Location).Input);
        Assert.Contains("Use z-scores", string.Join(" ", error.Hints));

        var text = CwfTestKit.Pipeline("value: float64", "normalize value { zscores: true }");
        Assert.NotEmpty(CwfTestKit.AssertSingleError(text, "2:39 CWF2230", "z-score normalization is not supported").Hints);
        CwfTestKit.Bind(CwfTestKit.Pipeline("value: float64", "normalize value { zscores: false }"));
    }

    [Fact]
    public void The_exported_cross_join_node_pairs_every_row_and_round_trips()
    {
        var imported = Import(CrossJoin, ("maintable", "src.cells", ["h3:string"]), ("secondarytable", "src.kinds", ["kind:string"]));
        CanvasTestKit.AssertRoundTrip(imported, "cross_join kinds");
        Assert.Equal(["h3", "kind_joined"], Output(imported).Names);
    }

    [Fact]
    public void The_exported_join_node_joins_on_its_columns_and_round_trips()
    {
        var imported = Import(Join, ("maintable", "src.stores", ["store_id:int64", "name:string"]), ("secondarytable", "src.population", ["store_id:int64", "pop:float64"]));
        CanvasTestKit.AssertRoundTrip(imported, "join population on store_id");
        var join = Assert.Single(imported.Workflow!.Nodes.OfType<JoinNode>());
        Assert.Equal(JoinKind.Inner, join.Kind);
        Assert.Equal(["store_id", "name", "store_id_joined", "pop_joined"], Output(imported).Names);
    }

    [Fact]
    public void The_exported_table_from_GeoJSON_node_is_one_row_per_feature_and_round_trips()
    {
        var imported = Import(TableFromGeoJson);
        CanvasTestKit.AssertRoundTrip(imported);
        var values = Assert.Single(imported.Workflow!.Nodes.OfType<ValuesNode>());
        Assert.Equal(["name", "geo"], values.Schema.Names);
        Assert.Equal("'Polygon 1'", Assert.Single(values.Rows)[0].ToString());
    }

    [Fact]
    public void The_exported_H3_distance_node_puts_the_distance_first_and_round_trips()
    {
        var imported = Import(H3Distance, ("source", "src.pairs", ["h3:string", "h3_restaurant_joined:string"]));
        CanvasTestKit.AssertRoundTrip(imported, "h3_distance h3, h3_restaurant_joined");
        var project = Assert.Single(imported.Workflow!.Nodes.OfType<ProjectNode>());
        Assert.Equal("h3_distance(h3, h3_restaurant_joined)", project.Columns[0].Expr.ToString());
        Assert.Equal(["h3_distance", "h3", "h3_restaurant_joined"], Output(imported).Names);
        Assert.Equal(SqlType.Int64, Output(imported).Columns[0].Type);
        ComponentStepAssert.CompilesOrNamesWhatItLacks(imported.Workflow!);
    }

    [Theory]
    [InlineData("h3_distance a, n", "2:27 CWF2801", "column 'n' is int64")]
    [InlineData("h3_distance a", "2:12 CWF2850", "'h3_distance' needs 'h3_2'")]
    [InlineData("h3_distance a, b as a", "2:12 CWF2803", "the output column 'a' appears twice")]
    public void H3_distance_mistakes_are_reported(string step, string expected, string message) =>
        CwfTestKit.AssertSingleError(CwfTestKit.Pipeline("a: string, b: string, n: int64", step), expected, message);
}
