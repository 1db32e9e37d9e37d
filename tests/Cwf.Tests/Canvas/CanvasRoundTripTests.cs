using CsCheck;
using Cwf.Binding;
using Cwf.Canvas;
using Cwf.Ir;
using Cwf.Tests.Snapshots;
using Cwf.Tests.Infrastructure;
using Cwf.Text;

namespace Cwf.Tests.Canvas;

/// <summary>
/// canvas → IR must equal canvas → .cwf text → IR (canonical print), so the decompiler and the
/// .cwf front end agree on every component.
/// </summary>
public class CanvasRoundTripTests
{
    /// <summary>Examples with something .cwf cannot express yet (spec/canvas.md, "Decompiling").</summary>
    private static readonly HashSet<string> NotExpressible = ["fire_station_isolines"];

    public static TheoryData<string> RoundTrippable() => [.. CanvasTestKit.ExampleNames().Where(e => !NotExpressible.Contains(e))];

    private static (Workflow Canvas, CompileResult Cwf, string Text) RoundTrip(CanvasImportResult imported, Catalog.SchemaCatalog catalog, string name = "decompiled.cwf")
    {
        var text = CanvasDecompiler.ToCwf(imported);
        return (imported.Workflow!, CwfFrontEnd.Compile(new SourceText(name, text), catalog), text);
    }

    [Theory]
    [MemberData(nameof(RoundTrippable))]
    public void Example_decompiles_to_cwf_that_builds_the_same_ir(string example)
    {
        var (canvas, cwf, text) = RoundTrip(CanvasTestKit.ImportExample(example), CanvasTestKit.Catalog(example), example + ".cwf");
        Assert.False(cwf.HasErrors, CanvasTestKit.Describe(cwf.Diagnostics) + "\n" + text);
        Assert.Equal(IrPrinter.PrintCanonical(canvas), IrPrinter.PrintCanonical(cwf.Workflow!));
    }

    [Theory]
    [MemberData(nameof(CanvasExampleTests.Examples), MemberType = typeof(CanvasExampleTests))]
    public void Decompiled_example_matches_its_snapshot(string example) =>
        Snapshot.Match(CanvasDecompiler.ToCwf(CanvasTestKit.ImportExample(example)), $"decompiled/{example}", "cwf");

    [Fact]
    public void Decompiling_is_deterministic_and_idempotent_under_formatting()
    {
        foreach (var example in CanvasTestKit.ExampleNames().Where(e => !NotExpressible.Contains(e)))
        {
            var text = CanvasDecompiler.ToCwf(CanvasTestKit.ImportExample(example));
            Assert.Equal(text, CanvasDecompiler.ToCwf(CanvasTestKit.ImportExample(example)));
            Assert.Equal(text, Cwf.Formatting.CwfFormatter.Format(text));
        }
    }

    [Fact]
    public void Random_valid_canvases_round_trip()
    {
        Gen.Int[0, 1_000_000].Array[0, 40].Check(choices =>
        {
            var imported = CanvasTestKit.Import(new RandomCanvas(choices).Canvas.ToJson());
            var (canvas, cwf, text) = RoundTrip(imported, Catalog.SchemaCatalog.Empty);
            Assert.False(cwf.HasErrors, CanvasTestKit.Describe(cwf.Diagnostics) + "\n" + text);
            Assert.Equal(IrPrinter.PrintCanonical(canvas), IrPrinter.PrintCanonical(cwf.Workflow!));
        }, iterations: 200);
    }

    [Fact]
    public void Unknown_components_are_kept_visible_in_the_cwf()
    {
        var text = CanvasDecompiler.ToCwf(CanvasTestKit.ImportExample("fire_station_isolines"));
        Assert.Contains("component \"extension.demographics.enrich\" (isolines_10_minute_drive) { geo: \"geom_isoline\"", text);
        Assert.Contains("// 'Population reached' is the canvas component extension.demographics.enrich, which cwf cannot compile", text);
        // native.isolines is a toolbox procedure call now (issue 17): a step of its own.
        Assert.Contains("| isolines geom, 600", text);
    }

    [Fact]
    public void Verbatim_sql_fragments_become_equivalent_sql_steps()
    {
        var c = new TestCanvas();
        var src = c.Source("src.t", "t", "id:int64", "name:string");
        var where = c.Node("native.where", "Vendor filter", ("expression", "REGEXP_CONTAINS(name, 'a')"));
        c.Flow(src, where).Edge(where, "match", c.Node("native.saveastable", "Save", ("destination", "out.x")), "source");
        var (_, cwf, text) = RoundTrip(CanvasTestKit.Import(c.ToJson()), Catalog.SchemaCatalog.Empty);
        Assert.Contains("// kept as SQL: cwf cannot analyse the condition", text);
        Assert.Contains("sql \"SELECT * FROM $a WHERE (REGEXP_CONTAINS(name, 'a'))\" returns { id: int64, name: string }", text);
        Assert.False(cwf.HasErrors, CanvasTestKit.Describe(cwf.Diagnostics));
    }
}
