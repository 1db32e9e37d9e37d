using Cwf.Ir;

namespace Cwf.Tests.Fuzz;

/// <summary>
/// One input of the fuzz run: a file's text under a path whose extension the input detector sees
/// (.cwf, .json, .sql) with an optional catalog, or a generated IR workflow that goes straight to
/// the compiler. <see cref="Steps"/> says how it was made (origin and each mutation), for the report.
/// </summary>
internal sealed record FuzzInput(string Path, string Text, string? Catalog, IReadOnlyList<string> Steps, Workflow? Workflow = null)
{
    public const string CatalogPath = "catalog.json";

    public FuzzInput With(string text, string step) => this with { Text = text, Steps = [.. Steps, step] };

    public FuzzInput WithCatalog(string catalog, string step) => this with { Catalog = catalog, Steps = [.. Steps, step] };

    public bool IsJson => Path.EndsWith(".json", StringComparison.Ordinal);

    public string Extension => System.IO.Path.GetExtension(Path);
}
