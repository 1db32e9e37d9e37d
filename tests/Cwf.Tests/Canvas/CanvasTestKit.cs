using System.Text.RegularExpressions;
using Cwf.Canvas;
using Cwf.Catalog;
using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Formatting;
using Cwf.Ir;
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

    /// <summary>
    /// The test canvas imported with the default components (or <paramref name="components"/>) as <c>t.json</c>,
    /// so the workflow is named <c>t</c>.
    /// </summary>
    public static CanvasImportResult Import(TestCanvas canvas, ComponentCatalog? components = null) =>
        CanvasImporter.Import(SourceText.From(canvas.ToJson(), "t.json"), null, components ?? ComponentCatalog.Default);

    /// <summary>One component between a source table of <paramref name="columns"/> (<c>name:type</c>) and a save: the canvas imported.</summary>
    public static CanvasImportResult ImportStep(string component, string[] columns, params (string Name, object? Value)[] values) =>
        ImportStep(component, "Step", columns, values);

    /// <summary>One component titled <paramref name="title"/> (which names its step) between a source table and a save: the canvas imported.</summary>
    public static CanvasImportResult ImportStep(string component, string title, string[] columns, params (string Name, object? Value)[] values)
    {
        var c = new TestCanvas();
        var source = c.Source("src.t", "t", columns);
        var node = c.Node(component, title, values);
        var save = c.Node("native.saveastable", "Save", ("destination", "out.t"));
        c.Flow(source, node).Flow(node, save);
        return Import(c);
    }

    /// <summary>
    /// The canvas imported without errors, decompiled: it is formatted canonically and compiles to the same IR as
    /// the canvas (canvas → IR equals canvas → .cwf → IR). Returns the text.
    /// </summary>
    public static string AssertRoundTrip(CanvasImportResult imported)
    {
        Assert.False(imported.HasErrors, Describe(imported.Diagnostics));
        var text = CanvasDecompiler.ToCwf(imported);
        Assert.Equal(text, CwfFormatter.Format(SourceText.From(text), ComponentCatalog.Default.Steps).Text);
        var cwf = CwfTestKit.Compile(text);
        Assert.False(cwf.HasErrors, Describe(cwf.Diagnostics) + "\n" + text);
        Assert.Equal(IrPrinter.PrintCanonical(imported.Workflow!), IrPrinter.PrintCanonical(cwf.Workflow!));
        return text;
    }

    /// <summary>As <see cref="AssertRoundTrip(CanvasImportResult)"/>, and the text holds <paramref name="step"/> as a step (after a pipe, before a space or the end).</summary>
    public static string AssertRoundTrip(CanvasImportResult imported, string step)
    {
        var text = AssertRoundTrip(imported);
        Assert.True(Regex.IsMatch(text, @"\| " + Regex.Escape(step) + @"(\s|$)"), text);
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
