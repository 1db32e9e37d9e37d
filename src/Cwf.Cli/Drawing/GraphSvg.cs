using System.Text;
using System.Xml;
using Cwf.Ir;

namespace Cwf.Cli.Drawing;

/// <summary>
/// Writes a laid-out workflow graph as a standalone SVG picture for `cwf graph --format svg`. Each node is a
/// group <c>&lt;g id="n{id}" class="node {kind}[ dead| shared]"&gt;</c> with its box and label lines, each edge a
/// group <c>&lt;g id="e{source}-{target}-{port}" class="edge"&gt;</c> with its line and arrowhead; dead steps are
/// dashed and grey and shared ones blue and thicker, as in the DOT and Mermaid outputs. Presentation is in plain
/// attributes, not CSS, so every SVG renderer draws it alike.
/// </summary>
internal static class GraphSvg
{
    private const string Namespace = "http://www.w3.org/2000/svg";
    private const string Ink = "#333333";
    private const string DeadInk = "#888888";
    private const string SharedInk = "#1f4fd8";

    public static string Render(DrawnGraph graph)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
        using (var w = XmlWriter.Create(stream, settings))
        {
            w.WriteStartElement("svg", Namespace);
            w.WriteAttributeString("width", GraphLayout.Number(graph.Width));
            w.WriteAttributeString("height", GraphLayout.Number(graph.Height));
            w.WriteAttributeString("viewBox", $"0 0 {GraphLayout.Number(graph.Width)} {GraphLayout.Number(graph.Height)}");
            w.WriteAttributeString("font-family", "DejaVu Sans Mono, monospace");
            w.WriteAttributeString("font-size", GraphLayout.Number(GraphLayout.FontSize));
            w.WriteElementString("title", Namespace, graph.Title);
            Element(w, "rect", ("width", "100%"), ("height", "100%"), ("fill", "#ffffff"));
            foreach (var edge in graph.Edges) WriteEdge(w, edge);
            foreach (var node in graph.Nodes) WriteNode(w, node);
            w.WriteEndElement();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteNode(XmlWriter w, DrawnNode node)
    {
        var (kind, fill) = node.Node switch
        {
            ScanNode => ("scan", "#eef4ff"),
            SinkNode => ("sink", "#eefaf0"),
            CheckNode => ("check", "#fff7e6"),
            _ => ("step", "#ffffff"),
        };
        var ink = node.IsDead ? DeadInk : node.IsShared ? SharedInk : Ink;
        w.WriteStartElement("g", Namespace);
        w.WriteAttributeString("id", "n" + node.Node.Id);
        w.WriteAttributeString("class", "node " + kind + (node.IsDead ? " dead" : node.IsShared ? " shared" : ""));
        w.WriteElementString("title", Namespace, string.Join("\n", node.Lines));
        var rect = new List<(string, string)>
        {
            ("x", GraphLayout.Number(node.TopLeft.X)), ("y", GraphLayout.Number(node.TopLeft.Y)),
            ("width", GraphLayout.Number(node.Width)), ("height", GraphLayout.Number(node.Height)),
            ("rx", node.Node is ScanNode or SinkNode ? "8" : "2"),
            ("fill", fill), ("stroke", ink), ("stroke-width", node.IsShared && !node.IsDead ? "2" : "1"),
        };
        if (node.IsDead) rect.Add(("stroke-dasharray", "5 4"));
        Element(w, "rect", [.. rect]);
        for (int i = 0; i < node.Lines.Count; i++)
        {
            double baseline = node.TopLeft.Y + GraphLayout.Padding + GraphLayout.LineHeight * i + GraphLayout.FontSize;
            w.WriteStartElement("text", Namespace);
            w.WriteAttributeString("x", GraphLayout.Number(node.TopLeft.X + GraphLayout.Padding));
            w.WriteAttributeString("y", GraphLayout.Number(baseline));
            w.WriteAttributeString("fill", node.IsDead ? DeadInk : Ink);
            if (i == 0) w.WriteAttributeString("font-weight", "bold");
            w.WriteString(node.Lines[i]);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void WriteEdge(XmlWriter w, DrawnEdge edge)
    {
        var e = edge.Edge;
        w.WriteStartElement("g", Namespace);
        w.WriteAttributeString("id", $"e{e.Source}-{e.Target}-{e.Port}");
        w.WriteAttributeString("class", "edge");
        Element(w, "path", ("d", edge.PathData), ("fill", "none"), ("stroke", Ink), ("stroke-width", "1.2"));
        Element(w, "polygon", ("points", string.Join(" ", edge.Arrowhead.Select(p => GraphLayout.Number(p.X) + "," + GraphLayout.Number(p.Y)))), ("fill", Ink));
        if (edge.Port is { } port)
        {
            w.WriteStartElement("text", Namespace);
            w.WriteAttributeString("x", GraphLayout.Number(edge.PortAt.X + 4));
            w.WriteAttributeString("y", GraphLayout.Number(edge.PortAt.Y));
            w.WriteAttributeString("fill", Ink);
            w.WriteAttributeString("font-size", "10");
            w.WriteString(port);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void Element(XmlWriter w, string name, params (string Name, string Value)[] attributes)
    {
        w.WriteStartElement(name, Namespace);
        foreach (var (attribute, value) in attributes) w.WriteAttributeString(attribute, value);
        w.WriteEndElement();
    }
}
