using Cwf.Components;
using Cwf.Tests.Canvas;

namespace Cwf.Tests.Components;

/// <summary>
/// The component tables of spec/canvas.md and spec/language.md are generated from the descriptors; run with
/// <c>CWF_ACCEPT_SNAPSHOTS=1</c> to rewrite them after changing a component.
/// </summary>
public class ComponentSpecTests
{
    [Theory]
    [InlineData("canvas.md", "canvas")]
    [InlineData("language.md", "language")]
    public void The_committed_component_table_is_the_generated_one(string file, string block)
    {
        var path = Path.Combine(CanvasTestKit.RepoRoot, "spec", file);
        var document = File.ReadAllText(path);
        var generated = block == "canvas" ? ComponentTables.Canvas(ComponentCatalog.Default) : ComponentTables.Language(ComponentCatalog.Default);
        var committed = ComponentTables.Block(document, block);
        Assert.True(committed is not null, $"spec/{file} has no generated block '{block}'");
        if (committed != generated && Environment.GetEnvironmentVariable("CWF_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, ComponentTables.Replace(document, block, generated));
            return;
        }
        Assert.True(committed == generated, $"spec/{file} is out of date: rerun this test with CWF_ACCEPT_SNAPSHOTS=1 to regenerate it");
    }

    [Fact]
    public void Every_component_has_a_row_in_both_tables()
    {
        var canvas = ComponentTables.Canvas(ComponentCatalog.Default);
        var language = ComponentTables.Language(ComponentCatalog.Default);
        foreach (var c in ComponentCatalog.Default.All)
        {
            if (!c.HasCanvasForm)
            {
                // A .cwf-only step is in the language table alone.
                Assert.DoesNotContain($"`{c.Id}`", canvas);
                Assert.Contains($"| {c.Doc.Cwf} | none (.cwf only) |", language);
                continue;
            }
            Assert.Contains($"| `{c.Id}` ({c.Title}) |", canvas);
            Assert.Contains($"| `{c.Id}`", language);
        }
    }

    [Fact]
    public void A_block_is_replaced_between_its_markers_only()
    {
        var document = "intro\n<!-- components:x begin: generated -->\nold\n<!-- components:x end -->\nrest\n";
        Assert.Equal("intro\n<!-- components:x begin: generated -->\nnew\n<!-- components:x end -->\nrest\n", ComponentTables.Replace(document, "x", "new\n"));
        Assert.Equal("old\n", ComponentTables.Block(document, "x"));
        Assert.Null(ComponentTables.Block(document, "y"));
    }
}
