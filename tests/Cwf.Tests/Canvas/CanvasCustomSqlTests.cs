using System.Text.Json.Nodes;
using Cwf.Canvas;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Tests.Canvas;

public class CanvasCustomSqlTests
{
    private static (TestCanvas Canvas, string A, string B) Sources()
    {
        var c = new TestCanvas();
        var a = c.Source("src.parcels", "parcels", "parcel_id:int64", "zoning:string", "geom:geography");
        var b = c.Source("src.zones", "zones", "zone_id:int64", "risk:string", "geom:geography");
        return (c, a, b);
    }

    private static CanvasImportResult WithSchema(TestCanvas c, string node, params (string Name, string Type)[] schema)
    {
        var obj = c.ToJsonObject();
        var data = obj["nodes"]!.AsArray().Single(n => (string?)n!["id"] == node)!["data"]!;
        data["schema"] = new JsonArray([.. schema.Select(s => (JsonNode)new JsonObject { ["name"] = s.Name, ["type"] = s.Type })]);
        return CanvasTestKit.Import(obj.ToJsonString(new() { WriteIndented = true }));
    }

    [Fact]
    public void Declared_schema_and_inputs_in_placeholder_order()
    {
        var (c, a, b) = Sources();
        var sql = c.Node("native.customsql", "At risk", ("sql", "SELECT p.parcel_id, z.risk FROM $a AS p JOIN $b AS z ON ST_Intersects(p.geom, z.geom)"));
        var save = c.Node("native.saveastable", "Save", ("destination", "out.x"));
        c.Flow(b, sql, "sourceb").Flow(a, sql, "sourcea").Flow(sql, save);
        var result = WithSchema(c, sql, ("parcel_id", "int64"), ("risk", "string"));
        CanvasAssert.NoErrors(result);
        var node = result.Workflow!.Nodes.OfType<OpaqueNode>().Single();
        Assert.True(node.IsCustomSql);
        Assert.Equal(["src.parcels", "src.zones"], node.Sources.Select(s => ((ScanNode)result.Workflow[s]).Table.ToString()));
        Assert.Equal("(parcel_id: int64, risk: string)", node.Schema.ToString());
        CanvasAssert.Lacks(result, DiagnosticCodes.UncheckedSchema);
    }

    [Fact]
    public void Placeholders_are_renumbered_when_sourceb_is_unconnected()
    {
        var (c, a, b) = Sources();
        var sql = c.Node("native.customsql", "Pair", ("sql", "SELECT * FROM $a, $c WHERE '$c' <> 'x' -- $c stays in comments"));
        c.Flow(a, sql, "sourcea").Flow(b, sql, "sourcec").Flow(sql, c.Node("native.saveastable", "Save", ("destination", "out.x")));
        var result = CanvasTestKit.Import(c.ToJson());
        CanvasAssert.NoErrors(result);
        Assert.Equal("SELECT * FROM $a, $b WHERE '$c' <> 'x' -- $c stays in comments", result.Workflow!.Nodes.OfType<OpaqueNode>().Single().SqlTemplate);
    }

    [Fact]
    public void Placeholder_of_an_unconnected_input_is_an_error()
    {
        var (c, a, _) = Sources();
        var sql = c.Node("native.customsql", "Pair", ("sql", "SELECT * FROM $a JOIN $b USING (geom)"));
        c.Flow(a, sql, "sourcea");
        var d = CanvasAssert.Single(CanvasTestKit.Import(c.ToJson()), DiagnosticCodes.CustomSqlPlaceholder, sql, "Pair", "sql");
        Assert.Contains("input 'sourceb' is not connected", d.Message);
    }

    [Fact]
    public void Without_a_schema_the_result_is_open_with_a_warning()
    {
        var (c, a, _) = Sources();
        var sql = c.Node("native.customsql", "Summary", ("sql", "SELECT zoning, COUNT(*) AS n FROM $a GROUP BY zoning"));
        c.Flow(a, sql, "sourcea").Flow(sql, c.Node("native.saveastable", "Save", ("destination", "out.x")));
        var result = CanvasTestKit.Import(c.ToJson());
        CanvasAssert.NoErrors(result);
        CanvasAssert.Single(result, DiagnosticCodes.UncheckedSchema, sql, "Summary");
        Assert.True(result.Workflow!.Nodes.OfType<OpaqueNode>().Single().Schema.IsOpen);
    }

    [Fact]
    public void Variables_in_custom_sql_are_written_as_literals_of_the_warehouse()
    {
        var (c, a, _) = Sources();
        c.Provider = "bigquery";
        c.Variable("zone", "String", "it's").Variable("n", "Number", 3);
        var sql = c.Node("native.customsql", "Q", ("sql", "SELECT * FROM $a WHERE zoning = @zone LIMIT @n -- @nope is a comment"));
        c.Flow(a, sql, "sourcea").Flow(sql, c.Node("native.saveastable", "Save", ("destination", "out.x")));
        var result = CanvasTestKit.Import(c.ToJson());
        CanvasAssert.NoErrors(result);
        Assert.Equal("SELECT * FROM $a WHERE zoning = 'it\\'s' LIMIT 3 -- @nope is a comment", result.Workflow!.Nodes.OfType<OpaqueNode>().Single().SqlTemplate);
    }
}
