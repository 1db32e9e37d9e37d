using Cwf.Canvas;
using Cwf.Catalog;
using Cwf.Diagnostics;
using Cwf.Text;

namespace Cwf.Tests.Canvas;

/// <summary>Loading the example corpus (examples/canvas/&lt;name&gt;/) and importing canvases in tests.</summary>
internal static class CanvasTestKit
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ExamplesDirectory => Path.Combine(RepoRoot, "examples", "canvas");

    /// <summary>Every example folder name, sorted.</summary>
    public static IEnumerable<string> ExampleNames() =>
        Directory.GetDirectories(ExamplesDirectory).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal)!;

    /// <summary>The example's canvas file (canvas.json, bundle.json or workflow.sql).</summary>
    public static string CanvasPath(string example)
    {
        var dir = Path.Combine(ExamplesDirectory, example);
        return new[] { "canvas.json", "bundle.json", "workflow.sql" }.Select(f => Path.Combine(dir, f)).First(File.Exists);
    }

    public static SchemaCatalog Catalog(string example)
    {
        var path = Path.Combine(ExamplesDirectory, example, "catalog.json");
        if (!File.Exists(path)) return SchemaCatalog.Empty;
        var (catalog, diagnostics) = CatalogFile.Load(path);
        Assert.Empty(diagnostics);
        return catalog;
    }

    public static CanvasImportResult ImportExample(string example)
    {
        var path = CanvasPath(example);
        return CanvasImporter.Import(new SourceText(path, File.ReadAllText(path)), Catalog(example));
    }

    public static CanvasImportResult Import(string json, SchemaCatalog? catalog = null, string path = "test.json") =>
        CanvasImporter.Import(new SourceText(path, json), catalog);

    /// <summary>One component between a source table of <paramref name="columns"/> (<c>name:type</c>) and a save: the canvas imported.</summary>
    public static CanvasImportResult ImportStep(string component, string[] columns, params (string Name, object? Value)[] values)
    {
        var c = new TestCanvas();
        var source = c.Source("src.t", "t", columns);
        var node = c.Node(component, "Step", values);
        var save = c.Node("native.saveastable", "Save", ("destination", "out.t"));
        c.Flow(source, node).Flow(node, save);
        return CanvasImporter.Import(SourceText.From(c.ToJson(), "t.json"), null, Cwf.Components.ComponentCatalog.Default);
    }

    /// <summary>
    /// The canvas decompiled: it holds <paramref name="step"/> as a step, is formatted canonically, and
    /// compiles to the same IR as the canvas (canvas → IR equals canvas → .cwf → IR). Returns the text.
    /// </summary>
    public static string AssertRoundTrip(CanvasImportResult imported, string step)
    {
        var text = CanvasDecompiler.ToCwf(imported);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(text, @"\| " + System.Text.RegularExpressions.Regex.Escape(step) + @"(\s|$)"), text);
        Assert.Equal(text, Cwf.Formatting.CwfFormatter.Format(SourceText.From(text), Cwf.Components.ComponentCatalog.Default.Steps).Text);
        var cwf = Cwf.Binding.CwfFrontEnd.Compile(SourceText.From(text, "t.cwf"), SchemaCatalog.Empty, new Cwf.Binding.BindOptions());
        Assert.False(cwf.HasErrors, Describe(cwf.Diagnostics) + "\n" + text);
        Assert.Equal(Cwf.Ir.IrPrinter.PrintCanonical(imported.Workflow!), Cwf.Ir.IrPrinter.PrintCanonical(cwf.Workflow!));
        return text;
    }

    public static string Describe(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d => d.ToString()));

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Compiler.sln"))) return dir.FullName;
        throw new InvalidOperationException("Compiler.sln not found above the test binaries.");
    }
}
