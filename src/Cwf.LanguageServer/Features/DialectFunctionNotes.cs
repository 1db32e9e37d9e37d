using System.Text;
using Cwf.Diagnostics;
using Cwf.Emit;
using Cwf.Ir;

namespace Cwf.LanguageServer.Features;

/// <summary>
/// How each dialect writes a function or aggregate, for hover: a small markdown table read from the
/// dialects' own function maps (the data spec/dialects.md's function table is generated from), with the
/// diagnostic a compile there reports: CWF6002 where the warehouse cannot compute it, CWF6020 where it needs
/// an extension or the CARTO Analytics Toolbox, CWF6021 where the translation has a known limitation.
/// </summary>
public static class DialectFunctionNotes
{
    // Longer translations are cut after the function's name, as in spec/dialects.md.
    private const int MaxTemplate = 48;

    public static string Of(BuiltinFunction function) =>
        Table(Dialects.All.Select(d => (d.Name, Cell(d.Functions.Find(function)))));

    public static string Of(AggregateFunction aggregate) =>
        Table(Dialects.All.Select(d => (d.Name, aggregate.IsSpatial()
            ? Cell(d.Aggregates.Spatial(aggregate))
            : Code(Shortened(d.Aggregates[aggregate].Template.Text)))));

    private static string Table(IEnumerable<(string Dialect, string Cell)> rows)
    {
        var text = new StringBuilder("| dialect | written |\n|---|---|\n");
        foreach (var (dialect, cell) in rows) text.Append("| ").Append(dialect).Append(" | ").Append(cell).Append(" |\n");
        return text.ToString();
    }

    private static string Cell(FunctionMapping? mapping)
    {
        if (mapping is null || !mapping.IsAvailable)
            return $"{DiagnosticCodes.FunctionNotSupported.Code}: not available{(mapping?.Unavailable is { } why ? " (" + Escape(why) + ")" : "")}";
        var written = mapping.Joined is var (prefix, separator, suffix) ? $"{prefix}{{0}}{separator}{{1}}{suffix}" : mapping.Templates[0].Text;
        var notes = new List<string>();
        if (mapping.Templates.Any(t => t.CallsToolbox))
            notes.Add($"{DiagnosticCodes.RequiresExtension.Code}: needs the CARTO Analytics Toolbox");
        notes.AddRange(mapping.Notes.Select(n => $"{n.Descriptor.Code}: {Escape(n.Message)}"));
        return Code(Shortened(written)) + (notes.Count == 0 ? "" : "; " + string.Join("; ", notes.Distinct()));
    }

    private static string Shortened(string text) => text.Length > MaxTemplate && text.IndexOf('(') is > 0 and var open ? text[..open] + "(…)" : text;

    // A code span in a table cell: a backtick inside needs a double delimiter, a bar its escape.
    private static string Code(string text) => text.Contains('`') ? $"`` {Escape(text)} ``" : $"`{Escape(text)}`";

    private static string Escape(string text) => text.Replace("|", "\\|");
}
