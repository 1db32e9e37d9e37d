using Cwf.Binding;
using Cwf.Canvas;
using Cwf.Catalog;
using Cwf.Diagnostics;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Text;

namespace Cwf.Tests.Components;

/// <summary>What the Done-when matrices of issues 16 and 17 share: an import's errors, its round trip through .cwf, a dialect's cell.</summary>
internal static class DoneWhenMatrix
{
    /// <summary>The import's errors, and CWF2811 (a component kept opaque).</summary>
    public static List<Diagnostic> ImportErrors(CanvasImportResult imported) => [.. imported.Diagnostics.Where(d => d.IsError || d.Code == "CWF2811")];

    /// <summary>Whether the imported canvas, decompiled to .cwf and compiled again, builds the same IR.</summary>
    public static bool RoundTrips(CanvasImportResult imported, SchemaCatalog? catalog)
    {
        var text = CanvasDecompiler.ToCwf(imported);
        var cwf = CwfFrontEnd.Compile(SourceText.From(text, "t.cwf"), catalog ?? SchemaCatalog.Empty, new BindOptions());
        return !cwf.HasErrors && IrPrinter.PrintCanonical(imported.Workflow!) == IrPrinter.PrintCanonical(cwf.Workflow!);
    }

    /// <summary>
    /// What a dialect does: <c>SQL</c>, with the warnings that matter (toolbox or extension, approximation), or the error
    /// codes; each error that does not name the warehouse goes to <paramref name="imprecise"/>. Also the SQL, when there is some.
    /// </summary>
    public static (string Cell, string? Sql) Cell(Workflow workflow, Dialect dialect, List<string> imprecise)
    {
        var result = Compiler.Compile(workflow, new CompileOptions(dialect));
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        foreach (var error in errors.Where(e => !e.Message.Contains(dialect.DisplayName, StringComparison.Ordinal)))
            imprecise.Add($"{dialect.Name}: {error}");
        if (errors.Count > 0) return (string.Join(" ", errors.Select(e => e.Code).Distinct().Order(StringComparer.Ordinal)), null);
        var notes = result.Diagnostics.Where(d => d.Code is "CWF6020" or "CWF6021").Select(d => d.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        return (notes.Count == 0 ? "SQL" : $"SQL ({string.Join(", ", notes)})", result.Sql);
    }
}
