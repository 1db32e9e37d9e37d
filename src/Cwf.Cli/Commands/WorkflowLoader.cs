using Cwf.Diagnostics;
using Cwf.Driver;

namespace Cwf.Cli.Commands;

/// <summary>The first half of every command that needs a workflow: catalog, input file, front end.</summary>
internal static class WorkflowLoader
{
    /// <summary>The front end's result and all diagnostics so far (the catalog's first).</summary>
    public static (FrontEndResult Result, List<Diagnostic> Diagnostics) Load(CliContext cx)
    {
        var (catalog, catalogDiagnostics) = cx.LoadCatalog();
        var result = FrontEnd.Load(cx.ReadInput(), catalog);
        return (result, [.. catalogDiagnostics, .. result.Diagnostics]);
    }
}
