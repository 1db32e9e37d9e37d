using System.Text.Json;
using System.Text.RegularExpressions;
using Cwf.Tests.Binding;

namespace Cwf.Tests.Fuzz;

/// <summary>
/// The seeds that mutations start from: every example program and canvas export (with its
/// catalog), the conformance canvases, the decompiled canvas snapshots, the .cwf examples of the
/// specifications, and each canvas again as a CLI bundle and as generated SQL.
/// </summary>
internal static partial class FuzzCorpus
{
    private static readonly Lazy<IReadOnlyList<FuzzInput>> Loaded = new(Load);

    /// <summary>Every seed; the examples and canvases first, then the specifications' snippets (mostly mistakes on purpose).</summary>
    public static IReadOnlyList<FuzzInput> Seeds => Loaded.Value;

    /// <summary>The whole workflows among the seeds (examples, canvases in every envelope, decompiled snapshots).</summary>
    public static IReadOnlyList<FuzzInput> Workflows => [.. Seeds.Where(s => s.Path != SnippetPath)];

    public static IReadOnlyList<FuzzInput> Snippets => [.. Seeds.Where(s => s.Path == SnippetPath)];

    private const string SnippetPath = "spec.cwf";

    public static string Root => Path.GetDirectoryName(Compilation.ExamplesDirectory)!;

    private static List<FuzzInput> Load()
    {
        var seeds = new List<FuzzInput>();
        var examples = Compilation.ExamplesDirectory;
        foreach (var file in Directory.GetFiles(examples, "*.cwf").Order(StringComparer.Ordinal))
            seeds.Add(Seed(file, CatalogBeside(Path.ChangeExtension(file, ".catalog.json"))));

        var canvases = Directory.GetFiles(Path.Combine(examples, "canvas"), "canvas.json", SearchOption.AllDirectories)
            .Select(f => (File: f, Catalog: CatalogBeside(Path.Combine(Path.GetDirectoryName(f)!, "catalog.json"))))
            .Concat(Directory.GetFiles(Path.Combine(Root, "tests", "Cwf.Tests", "Conformance", "canvases"), "*.json")
                .Where(f => !f.EndsWith(".catalog.json", StringComparison.Ordinal))
                .Select(f => (File: f, Catalog: CatalogBeside(Path.ChangeExtension(f, ".catalog.json")))))
            .OrderBy(c => c.File, StringComparer.Ordinal)
            .ToList();
        foreach (var (file, catalog) in canvases)
        {
            var seed = Seed(file, catalog);
            seeds.Add(seed);
            seeds.Add(seed with { Path = "bundle.json", Text = JsonSerializer.Serialize(new { config = seed.Text }), Steps = [seed.Steps[0] + " as a CLI bundle"] });
            seeds.Add(seed with { Path = "generated.sql", Text = GeneratedSql(seed.Text), Steps = [seed.Steps[0] + " as generated SQL"] });
        }

        foreach (var file in Directory.GetFiles(Path.Combine(Root, "tests", "Cwf.Tests", "Canvas", "snapshots", "decompiled"), "*.cwf").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file).Split('.')[0];
            seeds.Add(Seed(file, CatalogBeside(Path.Combine(examples, "canvas", name, "catalog.json"))));
        }

        foreach (var spec in Directory.GetFiles(Path.Combine(Root, "spec"), "*.md").Order(StringComparer.Ordinal))
        {
            int n = 0;
            foreach (Match block in CwfBlock().Matches(File.ReadAllText(spec)))
                seeds.Add(new FuzzInput(SnippetPath, block.Groups["text"].Value, null, [$"{Path.GetFileName(spec)} example {++n}"]));
        }
        return seeds;
    }

    /// <summary>A canvas export wrapped as a generated SQL file: the canvas as the diagramJson string in the leading comment.</summary>
    public static string GeneratedSql(string canvasJson) =>
        "/* " + JsonSerializer.Serialize(new { versionId = "fuzz", diagramJson = canvasJson }) + " */\nSELECT 1;\n";

    private static FuzzInput Seed(string file, string? catalog) =>
        new(Path.GetExtension(file) == ".json" ? "input.json" : "input.cwf", File.ReadAllText(file), catalog, [Path.GetRelativePath(Root, file)]);

    private static string? CatalogBeside(string path) => File.Exists(path) ? File.ReadAllText(path) : null;

    [GeneratedRegex(@"```cwf\n(?<text>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CwfBlock();
}
