using Cwf.Canvas;
using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Tests.Canvas;
using Cwf.Text;

namespace Cwf.Tests.Components;

/// <summary>
/// Product components found in real exports that cwf does not compile (spec/canvas.md, "Send by Email"): a node with
/// the exports' inputs imports as an opaque step, and its CWF2811 says why instead of the generic
/// "not understood", with what to do instead; an unknown component keeps the generic warning.
/// </summary>
public class UncompiledComponentTests
{
    private static Diagnostic OpaqueWarning(TestCanvas c)
    {
        var imported = CanvasImporter.Import(SourceText.From(c.ToJson(), "t.json"), null, ComponentCatalog.Default);
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        Assert.Single(imported.Workflow!.Nodes.OfType<OpaqueNode>());
        return Assert.Single(imported.Diagnostics, d => d.Descriptor == DiagnosticCodes.OpaqueComponent);
    }

    [Fact]
    public void Send_by_email_says_it_calls_no_documented_procedure()
    {
        // The inputs of the public BigQuery export (find_string id 26125032227).
        var c = new TestCanvas();
        var source = c.Source("src.t", "t", "id:int64");
        var node = c.Node("SaveToBucketAndNotify", "Send by Email", ("email", "someone@example.com"), ("subject", "Results"), ("body", "Here"), ("format", "CSV"));
        c.Flow(source, node);
        var warning = OpaqueWarning(c);
        Assert.Contains("notification API", warning.Message);
        Assert.Contains(warning.Hints, h => h.Contains("native.saveastable", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_component_keeps_the_generic_warning()
    {
        var c = new TestCanvas();
        var source = c.Source("src.t", "t", "id:int64");
        var node = c.Node("extension.mystery", "Mystery");
        c.Flow(source, node).Flow(node, c.Node("native.saveastable", "Save", ("destination", "out.t")));
        Assert.Contains("is not understood by cwf", OpaqueWarning(c).Message);
    }
}
