using System.Text;

namespace Cwf.Components;

/// <summary>
/// The reference tables of spec/canvas.md and spec/language.md, written from the component descriptors, and
/// the generated blocks that hold them (between <c>&lt;!-- components:NAME begin ... --&gt;</c> and
/// <c>&lt;!-- components:NAME end --&gt;</c>). A test compares the committed blocks with these; running it with
/// <c>CWF_ACCEPT_SNAPSHOTS=1</c> rewrites them.
/// </summary>
public static class ComponentTables
{
    /// <summary>spec/canvas.md: every component with its contract, its IR and its .cwf.</summary>
    public static string Canvas(ComponentCatalog catalog)
    {
        var sb = new StringBuilder();
        sb.Append("| component | category | tables → outputs | parameters | IR | .cwf |\n|---|---|---|---|---|---|\n");
        foreach (var c in catalog.All.Where(c => c.HasCanvasForm))
            sb.Append($"| `{c.Id}` ({c.Title}) | {c.Category.Display()} | {Ports(c)} | {Parameters(c)} | {c.Doc.Ir} | {c.Doc.Cwf} |\n");
        return sb.ToString();
    }

    /// <summary>spec/language.md: every component's .cwf form, with its output columns.</summary>
    public static string Language(ComponentCatalog catalog)
    {
        var sb = new StringBuilder();
        sb.Append("| .cwf | canvas component (inputs) | output columns |\n|---|---|---|\n");
        foreach (var c in catalog.All)
        {
            var inputs = c.Parameters.IsEmpty ? "" : " (" + string.Join(", ", c.Parameters.Select(p => $"`{p.Name}`")) + ")";
            sb.Append($"| {c.Doc.Cwf} | {(c.HasCanvasForm ? $"`{c.Id}`{inputs}" : "none (.cwf only)")} | {c.Doc.Output} |\n");
        }
        return sb.ToString();
    }

    /// <summary>The document with the generated block <paramref name="name"/> holding <paramref name="content"/>; null when it has no such block.</summary>
    public static string? Replace(string document, string name, string content)
    {
        var (begin, end) = Markers(name);
        int start = document.IndexOf(begin, StringComparison.Ordinal);
        int stop = document.IndexOf(end, StringComparison.Ordinal);
        if (start < 0 || stop < start) return null;
        int bodyStart = document.IndexOf('\n', start) + 1;
        return document[..bodyStart] + content + document[stop..];
    }

    /// <summary>The content of the generated block <paramref name="name"/>, or null.</summary>
    public static string? Block(string document, string name)
    {
        var (begin, end) = Markers(name);
        int start = document.IndexOf(begin, StringComparison.Ordinal);
        int stop = document.IndexOf(end, StringComparison.Ordinal);
        if (start < 0 || stop < start) return null;
        int bodyStart = document.IndexOf('\n', start) + 1;
        return document[bodyStart..stop];
    }

    private static (string Begin, string End) Markers(string name) => ($"<!-- components:{name} begin", $"<!-- components:{name} end -->");

    private static string Ports(Component c)
    {
        var inputs = c.Inputs.IsEmpty ? "—"
            : string.Join(", ", c.Inputs.Select(p => $"`{p.Name}`" + (p.Multiple ? " (several)" : p.Required ? "" : " (optional)")));
        var outputs = c.Outputs.IsEmpty ? "(writes a table)" : string.Join(", ", c.Outputs.Select(o => $"`{o}`"));
        return $"{inputs} → {outputs}";
    }

    private static string Parameters(Component c) =>
        c.Parameters.IsEmpty ? "—" : string.Join(", ", c.Parameters.Select(p => $"`{p.Name}` ({Kind(p, c)})"));

    private static string Kind(ComponentParameter p, Component c)
    {
        var parent = p.Parent is { } port && c.Inputs.Count > 1 ? $" of `{port}`" : "";
        var kind = p.Kind switch
        {
            ParameterKind.String => "text",
            ParameterKind.StringSql => "SQL",
            ParameterKind.Number => "number",
            ParameterKind.Integer => "whole number",
            ParameterKind.Boolean => "true/false",
            ParameterKind.Column => "column" + parent,
            ParameterKind.ColumnList => "columns" + parent,
            ParameterKind.Selection => string.Join(" \\| ", p.Options.Select(o => $"`{o}`")),
            ParameterKind.ColumnAggregation => "`col,method,...`",
            ParameterKind.OutputTable => "table name",
            _ => "JSON",
        };
        return kind + (p.Default is { } d ? $", default `{d}`" : p.Required ? "" : ", optional");
    }
}
