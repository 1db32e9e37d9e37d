using System.Collections.Immutable;
using Cwf.Diagnostics;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Text;

namespace Cwf.LanguageServer.Documents;

/// <summary>
/// Runs the pipeline of <c>cwf check</c> on a document's text: the catalog beside the file, the front end
/// (.cwf or canvas JSON, found by content), the whole-workflow checks and, with a dialect configured,
/// what that warehouse cannot run. Never throws on user input: a crash becomes CWF9001 on the document.
/// </summary>
public sealed class DocumentAnalyzer(CatalogCache catalogs)
{
    public DocumentAnalysis Analyze(string uri, int version, string text, ServerSettings settings)
    {
        var path = DocumentUris.ToPath(uri);
        var source = new SourceText(path, text);
        var (catalog, catalogDiagnostics) = catalogs.For(path, settings.Catalog);
        FrontEndResult result;
        try
        {
            result = FrontEnd.Load(source, catalog);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var crash = Diagnostic.Create(DiagnosticCodes.InternalError, new FileLocation(path), $"internal compiler error ({e.GetType().Name}: {e.Message})",
                "this is a bug in cwf, not in your workflow; please report it together with the file");
            return new DocumentAnalysis(uri, version, source, new FrontEndResult(InputKind.Cwf, null, [crash]), catalog, [crash]);
        }
        var diagnostics = catalogDiagnostics.Concat(result.Diagnostics).ToList();
        if (result.Workflow is { } workflow && !result.HasErrors && settings.Dialect is { } name && Dialects.Find(name) is { } dialect)
        {
            var compiled = Compiler.Compile(workflow, new CompileOptions(dialect) { Mode = EmitMode.Query, Toolbox = catalog.Toolbox });
            diagnostics = DiagnosticMerge.Merge(diagnostics, compiled.Diagnostics);
        }
        return new DocumentAnalysis(uri, version, source, result, catalog, [.. diagnostics]);
    }
}
