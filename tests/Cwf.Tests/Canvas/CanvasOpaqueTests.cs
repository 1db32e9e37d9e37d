using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Tests.Canvas;

public class CanvasOpaqueTests
{
    [Fact]
    public void Unknown_component_is_kept_opaque_with_a_warning()
    {
        var c = new TestCanvas();
        var src = c.Source("src.stations", "stations", "id:int64", "geom:geography");
        var iso = c.Node("native.routes", "Drive time", ("geo", "geom"), ("range", 600), ("mode", "car"));
        var save = c.Node("native.saveastable", "Save", ("destination", "out.iso"));
        c.Edge(src, "out", iso, "source").Edge(iso, "result", save, "source");
        var result = CanvasTestKit.Import(c.ToJson());
        CanvasAssert.NoErrors(result);
        var d = CanvasAssert.Single(result, DiagnosticCodes.OpaqueComponent, iso, "Drive time", pointer: "/nodes/1");
        Assert.Contains("'native.routes'", d.Message);
        var node = result.Workflow!.Nodes.OfType<OpaqueNode>().Single();
        Assert.Equal("native.routes", node.Component);
        Assert.Null(node.SqlTemplate);
        Assert.Equal("geo=geom, mode=car, range=600, version=1", string.Join(", ", node.Properties.Select(p => $"{p.Key}={p.Value}")));
        Assert.Equal(node.Id, result.Workflow.Sinks.Single().Input);
    }

    [Fact]
    public void Opaque_component_accepts_any_handles()
    {
        var c = new TestCanvas();
        var a = c.Source("src.a", "a", "id:int64");
        var b = c.Source("src.b", "b", "id:int64");
        var ext = c.Node("extension.acme.match", "Fuzzy match");
        c.Edge(a, "out", ext, "left").Edge(b, "out", ext, "right")
            .Edge(ext, "matched", c.Node("native.saveastable", "S1", ("destination", "out.m")), "source")
            .Edge(ext, "rejected", c.Node("native.saveastable", "S2", ("destination", "out.r")), "source");
        var result = CanvasTestKit.Import(c.ToJson());
        CanvasAssert.NoErrors(result);
        Assert.Equal(2, result.Workflow!.Nodes.OfType<OpaqueNode>().Single().Sources.Count);
        Assert.Equal(2, result.Workflow.Sinks.Count());
    }
}
