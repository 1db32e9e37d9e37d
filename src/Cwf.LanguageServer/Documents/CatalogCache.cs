using Cwf.Catalog;
using Cwf.Diagnostics;

namespace Cwf.LanguageServer.Documents;

/// <summary>
/// The catalog of a document, found as <c>cwf check</c> finds it (the configured file, else
/// <c>&lt;file&gt;.catalog.json</c> or <c>catalog.json</c> beside it), read again only when the file changed on disk.
/// </summary>
public sealed class CatalogCache
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (DateTime Written, SchemaCatalog Catalog, IReadOnlyList<Diagnostic> Diagnostics)> _loaded = new(StringComparer.Ordinal);

    public (SchemaCatalog Catalog, IReadOnlyList<Diagnostic> Diagnostics) For(string documentPath, string? configured)
    {
        var path = configured ?? Discover(documentPath);
        if (path is null) return (SchemaCatalog.Empty, []);
        var written = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
        lock (_lock)
        {
            if (_loaded.TryGetValue(path, out var known) && known.Written == written) return (known.Catalog, known.Diagnostics);
        }
        var (catalog, diagnostics) = CatalogFile.Load(path);
        lock (_lock) _loaded[path] = (written, catalog, diagnostics);
        return (catalog, diagnostics);
    }

    private static string? Discover(string documentPath) =>
        Path.IsPathRooted(documentPath) ? CatalogFile.FindBeside(documentPath) : null;
}
