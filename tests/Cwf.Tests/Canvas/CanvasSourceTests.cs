using Cwf.Canvas;
using Cwf.Catalog;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Tests.Canvas;

public class CanvasSourceTests
{
    private static readonly SchemaCatalog Catalog =
        new([(TableName.TryParse("src.trips")!, new Schema([new Column("trip_id", SqlType.Int64), new Column("fare", SqlType.Float64)]))]);

    private static CanvasImportResult ImportSource(string table, SchemaCatalog? catalog, params string[] schema)
    {
        var c = new TestCanvas();
        var src = c.Source(table, "trips", schema);
        c.Flow(src, c.Node("native.saveastable", "Save", ("destination", "out.trips")));
        return CanvasTestKit.Import(c.ToJson(), catalog);
    }

    [Fact]
    public void Node_schema_comes_first()
    {
        var result = ImportSource("src.trips", Catalog, "trip_id:INT64", "fare:NUMERIC", "geom:GEOGRAPHY");
        CanvasAssert.NoErrors(result);
        Assert.Equal("(trip_id: int64, fare: decimal, geom: geography)", result.Workflow!.Nodes.OfType<ScanNode>().Single().Schema.ToString());
    }

    [Fact]
    public void Catalog_is_used_when_the_node_has_no_schema()
    {
        var result = ImportSource("src.trips", Catalog);
        CanvasAssert.NoErrors(result);
        Assert.Equal(["trip_id", "fare"], result.Workflow!.Sinks.Single().Schema.Names);
    }

    [Fact]
    public void Unknown_table_without_catalog_is_an_error_suggesting_one()
    {
        var result = ImportSource("src.trips", null);
        var d = CanvasAssert.Single(result, DiagnosticCodes.SourceSchemaUnknown, label: "trips", input: "source", pointer: "/nodes/0/data/inputs/0/value");
        Assert.Contains("table 'src.trips'", d.Message);
        Assert.Contains("no catalog was given", d.Message);
        Assert.Contains("--catalog", d.Hints[0]);
    }

    [Fact]
    public void Table_missing_from_the_catalog_suggests_a_close_name()
    {
        var d = CanvasAssert.Single(ImportSource("src.trip", Catalog), DiagnosticCodes.SourceSchemaUnknown);
        Assert.Contains("did you mean 'src.trips'?", d.Hints);
    }

    [Fact]
    public void Bad_type_in_node_schema_is_reported_at_the_canvas()
    {
        var d = ImportSource("src.trips", null, "trip_id:int64", "fare:money").Diagnostics.Single(d => d.Descriptor == DiagnosticCodes.UnknownTypeName);
        var location = Assert.IsType<CanvasLocation>(d.Location);
        Assert.Equal("/nodes/0/data/schema/1/type", location.JsonPointer);
        Assert.Equal("trips", location.NodeLabel);
    }

    [Fact]
    public void Source_table_may_come_from_data_id_alone()
    {
        var c = new TestCanvas();
        var src = c.Source("src.trips", "trips");
        c.Flow(src, c.Node("native.saveastable", "Save", ("destination", "out.trips")));
        var obj = c.ToJsonObject();
        obj["nodes"]![0]!["data"]!["inputs"] = new System.Text.Json.Nodes.JsonArray();
        var result = CanvasTestKit.Import(obj.ToJsonString(), Catalog);
        CanvasAssert.NoErrors(result);
        Assert.Equal("src.trips", result.Workflow!.Nodes.OfType<ScanNode>().Single().Table.ToString());
    }
}
