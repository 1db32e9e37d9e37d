using Cwf.Driver;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Tests.Canvas;
using Cwf.Text;
using static Cwf.Tests.Binding.Compilation;

namespace Cwf.Tests.Core;

/// <summary>
/// Names made from user text (CTE and temp table names, procedure names, canvas step names) fold
/// any text to ASCII, also text that whole-string normalization rejects (issue 12: U+FFFE in a
/// title, let name or label threw from string.Normalize, after `check` had found no problem).
/// </summary>
public class GeneratedNameTests
{
    [Theory]
    [InlineData("Café Zürich", "cafe_zurich")]
    [InlineData("e\u0301te\u0301", "ete")]
    [InlineData("Ångström: Ω", "angstrom")]
    [InlineData("a\uFFFEb", "a_b")]
    [InlineData("a\uFFFFb\uFDD0c", "a_b_c")]
    [InlineData("x\uD800y\uDC00", "x_y")]
    [InlineData("\u0378unassigned", "unassigned")]
    [InlineData("smile \U0001F600 now", "smile_now")]
    [InlineData("Straße 12", "stra_e_12")]
    [InlineData("  --  ", "")]
    public void Any_text_folds_to_ascii_words(string text, string expected) => Assert.Equal(expected, AsciiFolding.Fold(text));

    [Theory]
    [InlineData("\uFFFE")]
    [InlineData("\uFFFF")]
    [InlineData("\uD800")]
    public void A_let_name_and_title_with_a_noncharacter_compile_for_every_dialect_and_mode(string odd)
    {
        var text = $"workflow \"title {odd}\"\nsource t = table \"x.t\" {{ a: int64 }}\nlet `step{odd}` = t | filter a > 1\noutput `step{odd}` | filter a < 3 -> table \"o.t\"\noutput `step{odd}` -> table \"o.u\"\n";
        var result = Compile(text);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        foreach (var dialect in Dialects.All)
            foreach (var mode in new[] { EmitMode.Script, EmitMode.Procedure, EmitMode.Query })
            {
                var compiled = Compiler.Compile(result.Workflow!, new CompileOptions(dialect) { Mode = mode });
                Assert.DoesNotContain(compiled.Diagnostics, d => d.Code == "CWF9001");
                if (!compiled.HasErrors) Assert.NotNull(compiled.Sql);
            }
    }

    [Fact]
    public void A_canvas_title_and_label_with_a_noncharacter_compile()
    {
        var canvas = new TestCanvas { Title = "Zones \uFFFE" };
        var source = canvas.Source("src.t", "schools \uFFFE", "id:int64");
        var limit = canvas.Node("native.limit", "Top \uFFFE", ("limit", 5));
        canvas.Flow(source, limit).Flow(limit, canvas.Node("native.saveastable", "Save \uFFFF", ("destination", "out.t")));
        var result = CanvasTestKit.Import(canvas.ToJson());
        Assert.NotNull(result.Workflow);
        foreach (var dialect in Dialects.All)
            Assert.DoesNotContain(Compiler.Compile(result.Workflow!, new CompileOptions(dialect)).Diagnostics, d => d.Code == "CWF9001");
    }
}
