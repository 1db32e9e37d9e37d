using Cwf.Binding;
using Cwf.Catalog;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Text;

namespace Cwf.Tests.Binding;

/// <summary>Compiles .cwf text in tests, with a catalog given as JSON or as table schemas.</summary>
internal static class Compilation
{
    public static string ExamplesDirectory
    {
        get
        {
            var dir = AppContext.BaseDirectory;
            while (dir is not null && !Directory.Exists(Path.Combine(dir, "examples"))) dir = Path.GetDirectoryName(dir);
            return Path.Combine(dir ?? throw new InvalidOperationException("examples/ not found"), "examples");
        }
    }

    public static SchemaCatalog Catalog(string json)
    {
        var (catalog, diagnostics) = CatalogFile.Parse(SourceText.From(json, "catalog.json"));
        Assert.Empty(diagnostics);
        return catalog;
    }

    public static SchemaCatalog ExampleCatalog(string name)
    {
        var path = Path.Combine(ExamplesDirectory, name + ".catalog.json");
        return File.Exists(path) ? Catalog(File.ReadAllText(path)) : SchemaCatalog.Empty;
    }

    public static CompileResult Compile(string text, SchemaCatalog? catalog = null, string path = "test.cwf") =>
        CwfFrontEnd.Compile(SourceText.From(text, path), catalog ?? SchemaCatalog.Empty);

    /// <summary>Compiles and asserts success without warnings (unless allowed); checks the IR invariants.</summary>
    public static Workflow Ok(string text, SchemaCatalog? catalog = null, bool allowWarnings = false)
    {
        var result = Compile(text, catalog);
        var shown = string.Join("\n", result.Diagnostics);
        Assert.False(result.HasErrors, shown);
        if (!allowWarnings) Assert.True(result.Diagnostics.IsEmpty, shown);
        Assert.Empty(IrValidator.Validate(result.Workflow!));
        return result.Workflow!;
    }

    public static IReadOnlyList<Diagnostic> Errors(string text, SchemaCatalog? catalog = null)
    {
        var result = Compile(text, catalog);
        Assert.Null(result.Workflow);
        return [.. result.Diagnostics.Where(d => d.IsError)];
    }

    public static string Position(Diagnostic d) => d.Location is SourceLocation s ? $"{s.Start.Line}:{s.Start.Column}" : "?";
}
