using Cwf.Canvas;
using Cwf.Cli.CommandLine;
using Cwf.Driver;
using Cwf.Formatting;

namespace Cwf.Cli.Commands;

/// <summary><c>cwf import</c>: a canvas export (or generated .sql) decompiled into an idiomatic .cwf program.</summary>
internal static class ImportCommand
{
    public static int Run(CliContext cx)
    {
        var (catalog, catalogDiagnostics) = cx.LoadCatalog();
        var source = cx.ReadInput();
        if (InputDetector.Detect(source.Path, source.Text) == InputKind.Cwf)
            throw new UsageException($"'{source.Path}' is a .cwf program already; import reads canvas exports (.json) and generated .sql files");
        var import = CanvasImporter.Import(source, catalog);
        cx.Report([.. catalogDiagnostics, .. import.Diagnostics]);
        if (import.HasErrors || catalogDiagnostics.Any(d => d.IsError)) return ExitCodes.InputErrors;
        cx.WriteResult(CwfFormatter.Format(CanvasDecompiler.Decompile(import)));
        return ExitCodes.Success;
    }
}
