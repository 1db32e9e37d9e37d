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

    public static string Describe(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d => d.ToString()));

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Compiler.sln"))) return dir.FullName;
        throw new InvalidOperationException("Compiler.sln not found above the test binaries.");
    }
}
