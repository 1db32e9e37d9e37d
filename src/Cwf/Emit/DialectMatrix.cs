using System.Text;
using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// The dialects side by side as Markdown tables, generated from their data (capabilities,
/// type names, function maps): spec/dialects.md embeds them, and a test keeps the two equal.
/// </summary>
public static class DialectMatrix
{
    private const int MaxCell = 48;

    public static string Capabilities(IReadOnlyList<Dialect> dialects)
    {
        var sb = Header("capability", dialects);
        foreach (var property in typeof(DialectCapabilities).GetProperties())
        {
            sb.Append("| `").Append(property.Name).Append('`');
            foreach (var d in dialects) sb.Append(" | ").Append(Cell(property.GetValue(d.Capabilities)));
            sb.Append(" |\n");
        }
        sb.Append("| identifier case");
        foreach (var d in dialects) sb.Append(" | ").Append(d.IdentifierCase.ToString().ToLowerInvariant());
        sb.Append(" |\n");
        foreach (var type in Enum.GetValues<SqlType>().Where(t => t != SqlType.Unknown))
        {
            sb.Append("| type `").Append(type.Name()).Append('`');
            foreach (var d in dialects) sb.Append(" | ").Append(Code(d.TypeName(type) ?? ""));
            sb.Append(" |\n");
        }
        return sb.ToString();
    }

    /// <summary>
    /// Every function and aggregate per dialect: the translation of the shortest call (long ones
    /// cut), † when the translation has a limitation, ‡ when it needs an extension, a runtime or the toolbox,
    /// "n/a" when the dialect cannot compute it.
    /// </summary>
    public static string Functions(IReadOnlyList<Dialect> dialects)
    {
        var sb = Header("function", dialects);
        foreach (var function in Ir.Functions.All)
        {
            sb.Append("| `").Append(function.Name).Append('`');
            foreach (var d in dialects) sb.Append(" | ").Append(FunctionCell(d.Functions.Find(function)));
            sb.Append(" |\n");
        }
        foreach (var aggregate in Enum.GetValues<AggregateFunction>())
        {
            if (aggregate.IsSpatial())
            {
                sb.Append("| aggregate `").Append(aggregate.CwfName()).Append('`');
                foreach (var d in dialects) sb.Append(" | ").Append(FunctionCell(d.Aggregates.Spatial(aggregate)));
                sb.Append(" |\n");
                continue;
            }
            sb.Append("| aggregate `").Append(aggregate.ToString().ToLowerInvariant()).Append('`');
            foreach (var d in dialects)
            {
                var (template, cast) = d.Aggregates[aggregate];
                sb.Append(" | ").Append(Code(template.Text)).Append(cast ? " (int64 cast back)" : "");
                if (d.Aggregates.CastsDecimalResult(aggregate)) sb.Append(" (decimal cast back)");
                if (d.Aggregates.BooleanTemplate(aggregate) is { } boolean) sb.Append("; bool: ").Append(Code(boolean.Text));
            }
            sb.Append(" |\n");
        }
        return sb.ToString();
    }

    private static string FunctionCell(FunctionMapping? mapping)
    {
        if (mapping is null) return "missing";
        if (!mapping.IsAvailable) return "n/a";
        var text = mapping.Joined is var (prefix, separator, suffix) ? $"{prefix}a{separator}b{suffix}" : mapping.Templates[0].Text;
        text = Shortened(text);
        if (!mapping.TimestampTemplates.IsEmpty) text += "; timestamp: " + Shortened(mapping.TimestampTemplates[0].Text);
        var marks = (mapping.Notes.Any(n => !n.IsPerScript) ? "†" : "") + (mapping.Notes.Any(n => n.IsPerScript) || mapping.Templates.Any(t => t.CallsToolbox) ? "‡" : "");
        return Code(text) + marks + (mapping.CastResult ? " (cast)" : "");
    }

    private static string Shortened(string text) => text.Length > MaxCell && text.IndexOf('(') is > 0 and var open ? text[..open] + "(…)" : text;

    /// <summary>A code span; text holding a backtick is delimited by two.</summary>
    private static string Code(string text) => text.Contains('`') ? $"`` {Escape(text)} ``" : $"`{Escape(text)}`";

    private static StringBuilder Header(string first, IReadOnlyList<Dialect> dialects)
    {
        var sb = new StringBuilder("| ").Append(first);
        foreach (var d in dialects) sb.Append(" | ").Append(d.Name);
        sb.Append(" |\n|---");
        foreach (var _ in dialects) sb.Append("|---");
        return sb.Append("|\n");
    }

    private static string Cell(object? value) => value switch
    {
        null => "—",
        true => "yes",
        false => "no",
        string s => Code(s),
        _ => value.ToString()!,
    };

    private static string Escape(string text) => text.Replace("|", "\\|");
}
