using Cwf.Canvas;
using Cwf.Catalog;
using Cwf.Diagnostics;
using Cwf.Diagnostics.Formatters;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Formatting;
using Cwf.Text;

namespace Cwf.Tests.Fuzz;

/// <summary>
/// What the fuzz run does with one input, as the command line would: load its catalog, run the
/// front end (<c>cwf check</c>), format a program (<c>cwf fmt</c>) or decompile a canvas
/// (<c>cwf import</c>), compile a workflow without errors for every dialect in every emit mode
/// (<c>cwf compile</c>, and once more without the optimizer), and render all diagnostics in every
/// format. An exception escaping any of it, or a CWF9001 among the diagnostics, is a finding.
/// </summary>
internal static class FuzzTarget
{
    private static readonly EmitMode[] Modes = [EmitMode.Script, EmitMode.Procedure, EmitMode.Query];

    /// <summary>What came of one input: the internal errors reported, how many compilations ran, how many diagnostics there were.</summary>
    public sealed record Outcome(IReadOnlyList<Diagnostic> InternalErrors, int Compilations, int Diagnostics);

    /// <summary>Runs one input; exceptions propagate to the runner.</summary>
    public static Outcome Run(FuzzInput input)
    {
        int compilations = 0;
        var diagnostics = new List<Diagnostic>();
        var sources = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        var catalog = SchemaCatalog.Empty;
        if (input.Catalog is { } catalogText)
        {
            var catalogSource = sources[FuzzInput.CatalogPath] = new SourceText(FuzzInput.CatalogPath, catalogText);
            var (parsed, catalogDiagnostics) = CatalogFile.Parse(catalogSource);
            diagnostics.AddRange(catalogDiagnostics);
            if (!catalogDiagnostics.Any(d => d.IsError)) catalog = parsed;
        }

        var workflow = input.Workflow;
        if (workflow is null)
        {
            var source = sources[input.Path] = new SourceText(input.Path, input.Text);
            var front = FrontEnd.Load(source, catalog);
            diagnostics.AddRange(front.Diagnostics);
            if (front.Kind == InputKind.Cwf) diagnostics.AddRange(CwfFormatter.Format(source).Diagnostics);
            else if (front.Canvas is { HasErrors: false } import) CanvasDecompiler.ToCwf(import);
            workflow = front.HasErrors ? null : front.Workflow;
        }

        if (workflow is not null)
        {
            foreach (var dialect in Dialects.All)
            {
                foreach (var mode in Modes)
                    diagnostics.AddRange(Compile(workflow, new CompileOptions(dialect) { Mode = mode }, ref compilations));
                // Without the optimizer every let is a relation of its own (names, CTEs, temp tables).
                diagnostics.AddRange(Compile(workflow, new CompileOptions(dialect) { Optimize = false }, ref compilations));
            }
        }

        var options = new DiagnosticFormatOptions { SourceLookup = path => sources.GetValueOrDefault(path) };
        foreach (var format in Enum.GetValues<DiagnosticFormat>())
            DiagnosticFormatter.Format(format, diagnostics, options);
        return new Outcome([.. diagnostics.Where(d => d.Descriptor == DiagnosticCodes.InternalError)], compilations, diagnostics.Count);
    }

    private static IEnumerable<Diagnostic> Compile(Ir.Workflow workflow, CompileOptions options, ref int compilations)
    {
        compilations++;
        return Compiler.Compile(workflow, options).Diagnostics;
    }
}
