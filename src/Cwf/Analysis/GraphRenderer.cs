using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cwf.Ir;

namespace Cwf.Analysis;

/// <summary>
/// Renders a workflow's graph for `cwf graph`: one vertex per IR node labelled with its name,
/// its operator and its output schema, one edge per input (labelled with the port when a node
/// has several inputs); dead nodes (reaching no output) and shared nodes (read more than once)
/// are marked. The text is deterministic: nodes and edges follow the workflow's order.
/// </summary>
public static class GraphRenderer
{
    private const int MaxOperatorLength = 80;
    private const int MaxSchemaColumns = 12;

    public static string Render(Workflow workflow, GraphFormat format) => Render(WorkflowAnalyzer.Analyze(workflow), format);

    public static string Render(WorkflowAnalysis analysis, GraphFormat format) => format switch
    {
        GraphFormat.Dot => Dot(analysis),
        GraphFormat.Mermaid => Mermaid(analysis),
        GraphFormat.Json => Json(analysis),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>Reads a format name as the command line spells it (dot, mermaid, json; any case).</summary>
    public static bool TryParseFormat(string text, out GraphFormat format) =>
        Enum.TryParse(text, ignoreCase: true, out format) && Enum.IsDefined(format);

    /// <summary>The operator part of a node's label: <c>filter %2 (x > 1)</c>, shortened when long.</summary>
    public static string OperatorText(RelNode node)
    {
        var text = node.Describe(id => "%" + id);
        return text.Length <= MaxOperatorLength ? text : text[..(MaxOperatorLength - 3)] + "...";
    }

    /// <summary>The schema part of a node's label: the first columns with their types.</summary>
    public static string SchemaText(Schema schema)
    {
        var shown = schema.Columns.Take(MaxSchemaColumns).Select(c => c.ToString());
        var more = schema.Count > MaxSchemaColumns ? $", ... {schema.Count - MaxSchemaColumns} more" : "";
        return "(" + string.Join(", ", shown) + more + (schema.IsOpen ? ", ...open" : "") + ")";
    }

    /// <summary>A node's label, line by line: name and marks (dead, shared), operator, output schema.</summary>
    public static IEnumerable<string> LabelLines(WorkflowAnalysis analysis, RelNode node)
    {
        var head = $"%{node.Id}" + (node.Name.Length > 0 ? " " + node.Name : "");
        if (analysis.IsDead(node.Id)) head += " [dead]";
        if (analysis.Shared.TryGetValue(node.Id, out int reads)) head += $" [shared: read {reads} times]";
        yield return head;
        yield return OperatorText(node);
        if (node is not (SinkNode or CheckNode)) yield return SchemaText(node.Schema);
    }

    /// <summary>One edge per input of every node, in the workflow's order.</summary>
    public static IEnumerable<DataflowEdge> Edges(Workflow workflow) =>
        workflow.Nodes.SelectMany(n => n.Inputs.Select((input, port) => new DataflowEdge(input, n.Id, port)));

    /// <summary>The input port's number when the target has several inputs, else null.</summary>
    public static string? PortLabel(Workflow workflow, DataflowEdge edge) =>
        workflow[edge.Target].Inputs.Count > 1 ? edge.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    private static string Dot(WorkflowAnalysis analysis)
    {
        var workflow = analysis.Workflow;
        var sb = new StringBuilder();
        sb.Append("digraph ").Append(DotString(workflow.Name)).Append(" {\n");
        sb.Append("  rankdir=TB;\n");
        sb.Append("  node [shape=box, fontname=\"Helvetica\", fontsize=10];\n");
        foreach (var node in workflow.Nodes)
        {
            sb.Append("  n").Append(node.Id).Append(" [label=")
              .Append(DotString(string.Join("\n", LabelLines(analysis, node))));
            if (node is SinkNode) sb.Append(", shape=cylinder");
            else if (node is ScanNode) sb.Append(", shape=folder");
            else if (node is CheckNode) sb.Append(", shape=diamond");
            if (analysis.IsDead(node.Id)) sb.Append(", style=dashed, color=gray50, fontcolor=gray50");
            else if (analysis.IsShared(node.Id)) sb.Append(", color=blue, penwidth=2");
            sb.Append("];\n");
        }
        foreach (var edge in Edges(workflow))
        {
            sb.Append("  n").Append(edge.Source).Append(" -> n").Append(edge.Target);
            if (PortLabel(workflow, edge) is { } port) sb.Append(" [label=").Append(DotString(port)).Append(']');
            sb.Append(";\n");
        }
        sb.Append("}\n");
        return sb.ToString();
    }

    private static string DotString(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\l"); break;
                case '\r': break;
                default: sb.Append(c); break;
            }
        }
        // \l left-justifies each line, including the last.
        if (text.Contains('\n')) sb.Append("\\l");
        return sb.Append('"').ToString();
    }

    private static string Mermaid(WorkflowAnalysis analysis)
    {
        var workflow = analysis.Workflow;
        var sb = new StringBuilder();
        sb.Append("---\ntitle: ").Append(MermaidText(workflow.Name)).Append("\n---\n");
        sb.Append("flowchart TD\n");
        foreach (var node in workflow.Nodes)
        {
            var label = string.Join("<br/>", LabelLines(analysis, node).Select(MermaidText));
            var (open, close) = node switch
            {
                ScanNode => ("[(", ")]"),
                SinkNode => ("[/", "/]"),
                CheckNode => ("{{", "}}"),
                _ => ("[", "]"),
            };
            sb.Append("  n").Append(node.Id).Append(open).Append('"').Append(label).Append('"').Append(close).Append('\n');
        }
        foreach (var edge in Edges(workflow))
        {
            sb.Append("  n").Append(edge.Source);
            sb.Append(PortLabel(workflow, edge) is { } port ? $" -->|{port}| " : " --> ");
            sb.Append('n').Append(edge.Target).Append('\n');
        }
        sb.Append("  classDef dead stroke-dasharray: 5 5,color:#888,stroke:#888;\n");
        sb.Append("  classDef shared stroke:#00f,stroke-width:2px;\n");
        if (!analysis.Dead.IsEmpty) sb.Append("  class ").Append(string.Join(",", analysis.Dead.Select(id => "n" + id))).Append(" dead;\n");
        if (!analysis.Shared.IsEmpty) sb.Append("  class ").Append(string.Join(",", analysis.Shared.Keys.Select(id => "n" + id))).Append(" shared;\n");
        return sb.ToString();
    }

    // Mermaid labels are HTML-ish: quotes and angle brackets need entity codes.
    private static string MermaidText(string text) =>
        text.Replace("&", "#amp;").Replace("\"", "#quot;").Replace("<", "#lt;").Replace(">", "#gt;").Replace("\n", " ");

    private static string Json(WorkflowAnalysis analysis)
    {
        var workflow = analysis.Workflow;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("workflow", workflow.Name);
            w.WriteStartArray("nodes");
            foreach (var node in workflow.Nodes)
            {
                w.WriteStartObject();
                w.WriteNumber("id", node.Id);
                w.WriteString("name", node.Name);
                w.WriteString("kind", node.OperatorName);
                w.WriteString("operator", node.Describe(id => "%" + id));
                w.WriteStartArray("schema");
                foreach (var c in node.Schema.Columns)
                {
                    w.WriteStartObject();
                    w.WriteString("name", c.Name);
                    w.WriteString("type", c.Type.Name());
                    w.WriteBoolean("nullable", c.Nullable);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                if (node.Schema.IsOpen) w.WriteBoolean("openSchema", true);
                w.WriteBoolean("dead", analysis.IsDead(node.Id));
                w.WriteNumber("reads", analysis.ConsumerCount(node.Id));
                w.WriteBoolean("shared", analysis.IsShared(node.Id));
                if (node.Origin is { } origin) w.WriteString("origin", origin.Describe());
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("edges");
            foreach (var edge in Edges(workflow))
            {
                w.WriteStartObject();
                w.WriteNumber("from", edge.Source);
                w.WriteNumber("to", edge.Target);
                w.WriteNumber("port", edge.Port);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
