using Cwf.Canvas;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Tests.Canvas;

public class CanvasVariableTests
{
    private static TestCanvas Stores(out string src)
    {
        var c = new TestCanvas();
        src = c.Source("src.stores", "stores", "store_id:int64", "region:string", "revenue:float64", "geom:geography");
        return c;
    }

    [Fact]
    public void Variables_become_typed_parameters_public_or_not()
    {
        var c = Stores(out var src).Variable("radius", "Number", 500, isPublic: true).Variable("factor", "Number", "1.5").Variable("region", "String", "north", true);
        var save = c.Node("native.saveastable", "Save", ("destination", "out.x"));
        c.Flow(src, save);
        var result = CanvasTestKit.Import(c.ToJson());
        CanvasAssert.NoErrors(result);
        Assert.Equal(
            [new Parameter("radius", SqlType.Int64, 500L, true), new Parameter("factor", SqlType.Float64, 1.5, false), new Parameter("region", SqlType.String, "north", true)],
            result.Workflow!.Parameters.Select(p => p with { Origin = null }));
    }

    [Fact]
    public void Whole_value_reference_in_a_number_input_is_a_parameter()
    {
        var c = Stores(out var src).Variable("radius_km", "Number", 2, isPublic: true);
        var buffer = c.Node("native.buffer", "Zone", ("geo", "geom"), ("distance", "{{@radius_km}}"), ("units", "Kilometers"));
        var save = c.Node("native.saveastable", "Save", ("destination", "out.x"));
        c.Flow(src, buffer).Flow(buffer, save);
        var result = CanvasTestKit.Import(c.ToJson());
        CanvasAssert.NoErrors(result);
        Assert.Equal("st_buffer(geom, (@radius_km * 1000.0))", result.Workflow!.Nodes.OfType<ProjectNode>().Single().Columns[^1].Expr.ToString());
    }

    [Fact]
    public void Integer_input_takes_an_int64_number_variable()
    {
        var c = Stores(out var src).Variable("n", "Number", "25.0");
        var limit = c.Node("native.limit", "Top", ("limit", "{{@n}}"));
        var save = c.Node("native.saveastable", "Save", ("destination", "out.x"));
        c.Flow(src, limit).Flow(limit, save);
        var result = CanvasTestKit.Import(c.ToJson());
        CanvasAssert.NoErrors(result);
        Assert.Equal(new ParamRef("n", SqlType.Int64), result.Workflow!.Nodes.OfType<LimitNode>().Single().Count);
    }

    [Fact]
    public void Partial_reference_is_replaced_textually()
    {
        var c = Stores(out var src).Variable("suffix", "String", "v2").Variable("min", "Number", 10);
        var filter = c.Node("native.wheresimplified", "Min revenue", ("column", "revenue"), ("operator", "greater than"), ("value", "{{@min}}0"));
        var save = c.Node("native.saveastable", "Save", ("destination", "out.zones_{{@suffix}}"));
        c.Flow(src, filter).Edge(filter, "match", save, "source");
        var result = CanvasTestKit.Import(c.ToJson());
        CanvasAssert.NoErrors(result);
        Assert.Equal("out.zones_v2", result.Workflow!.Sinks.Single().Table.ToString());
        Assert.Equal("(revenue > 100)", result.Workflow.Nodes.OfType<FilterNode>().Single().Predicate.ToString());
    }

    [Fact]
    public void Unknown_variable_in_braces_is_an_error()
    {
        var c = Stores(out var src).Variable("radius", "Number", 500);
        var buffer = c.Node("native.buffer", "Zone", ("geo", "geom"), ("distance", "{{@radus}}"), ("units", "Meters"));
        c.Flow(src, buffer);
        var json = c.ToJson();
        var result = CanvasTestKit.Import(json);
        var d = CanvasAssert.Single(result, DiagnosticCodes.UnknownVariable, buffer, "Zone", "distance", "/nodes/1/data/inputs/2/value",
            TestCanvas.LineOf(json, "{{@radus}}"));
        Assert.Contains("did you mean 'radius'?", d.Hints);
    }

    [Fact]
    public void At_reference_in_sql_is_checked()
    {
        var c = Stores(out var src).Variable("region", "String", "north");
        var where = c.Node("native.where", "In region", ("expression", "region = @regon"));
        c.Flow(src, where);
        var d = CanvasAssert.Single(CanvasTestKit.Import(c.ToJson()), DiagnosticCodes.UnknownVariable, where, "In region", "expression");
        Assert.Contains("'@regon'", d.Message);
    }

    [Theory]
    [InlineData("Number", "abc", "has the value abc, which is not a Number")]
    [InlineData("Colour", "red", "which is not a Colour")]
    public void Invalid_variable_is_an_error(string type, string value, string message)
    {
        var c = Stores(out var src).Variable("x", type, value);
        c.Flow(src, c.Node("native.distinct", "D"));
        var result = CanvasTestKit.Import(c.ToJson());
        var d = CanvasAssert.Single(result, DiagnosticCodes.InvalidVariable, pointer: "/variables/0/value");
        Assert.Contains(message, d.Message);
    }

    [Fact]
    public void Duplicate_variable_is_an_error()
    {
        var c = Stores(out var src).Variable("x", "Number", 1).Variable("x", "Number", 2);
        c.Flow(src, c.Node("native.distinct", "D"));
        CanvasAssert.Single(CanvasTestKit.Import(c.ToJson()), DiagnosticCodes.DuplicateVariable, pointer: "/variables/1");
    }
}
