using System.Text;
using System.Text.Json;

namespace Cwf.Benchmarks.Canvas;

/// <summary>
/// Generated canvas exports of a chosen number of nodes, in the product's format (React Flow UI keys,
/// inputs as arrays of <c>{name, type, title, value}</c>, indented as the editor writes them), with real
/// component ids and input names. The tests reuse them for the 10,000-node import checks.
/// </summary>
public static class CanvasShapes
{
    /// <summary>The columns of the one source table, inline on the ReadTable node (no catalog needed).</summary>
    private static readonly (string Name, string Type)[] Schools =
        [("school_id", "int64"), ("name", "string"), ("students", "int64"), ("geom", "geography")];

    /// <summary>
    /// A source, then <paramref name="nodes"/> - 2 steps cycling a simple filter (students greater than i, its
    /// match output), a centroid and a limit, then a save: one long path.
    /// </summary>
    public static string Chain(int nodes)
    {
        var canvas = new Writer("chain");
        string previous = canvas.Source(0);
        string handle = "out";
        for (int i = 1; i < nodes - 1; i++)
        {
            string id = (i % 3) switch
            {
                1 => canvas.Node(i, "native.wheresimplified", $"More than {i} students",
                    ("source", "Table", null), ("column", "Column", "students"), ("operator", "Selection", "greater than"), ("value", "String", i.ToString())),
                2 => canvas.Node(i, "native.centroid", "", ("source", "Table", null), ("geo", "Column", "geom")),
                _ => canvas.Node(i, "native.limit", $"First {i}", ("source", "Table", null), ("limit", "Number", "1000")),
            };
            canvas.Edge(previous, handle, id, "source");
            (previous, handle) = (id, i % 3 == 1 ? "match" : "result");
        }
        string save = canvas.Node(nodes - 1, "native.saveastable", "Save", ("source", "Table", null), ("destination", "String", "out.chain"));
        canvas.Edge(previous, handle, save, "source");
        return canvas.ToJson();
    }

    /// <summary>
    /// One source read by (<paramref name="nodes"/> - 1) / 2 branches, each a simple filter and its own save:
    /// a shallow, wide graph where one node has thousands of outgoing edges.
    /// </summary>
    public static string Wide(int nodes)
    {
        var canvas = new Writer("wide");
        string source = canvas.Source(0);
        for (int i = 1; i + 1 < nodes; i += 2)
        {
            string filter = canvas.Node(i, "native.wheresimplified", $"More than {i} students",
                ("source", "Table", null), ("column", "Column", "students"), ("operator", "Selection", "greater than"), ("value", "String", i.ToString()));
            string save = canvas.Node(i + 1, "native.saveastable", $"Save {i}", ("source", "Table", null), ("destination", "String", $"out.big_schools_{i}"));
            canvas.Edge(source, "out", filter, "source");
            canvas.Edge(filter, "match", save, "source");
        }
        return canvas.ToJson();
    }

    /// <summary>Collects nodes and edges, then writes the export in one go.</summary>
    private sealed class Writer(string title)
    {
        private readonly List<(string Id, string Type, string Component, string Label, (string Name, string Type, string? Value)[] Inputs, int Position)> _nodes = [];
        private readonly List<(string Source, string SourceHandle, string Target, string TargetHandle)> _edges = [];

        public string Source(int position)
        {
            string id = $"import_{Guid(position)}";
            _nodes.Add((id, "source", "ReadTable", "schools", [("source", "String", "src.schools")], position));
            return id;
        }

        public string Node(int position, string component, string label, params (string Name, string Type, string? Value)[] inputs)
        {
            string id = Guid(position);
            _nodes.Add((id, "generic", component, label, inputs, position));
            return id;
        }

        public void Edge(string source, string sourceHandle, string target, string targetHandle) =>
            _edges.Add((source, sourceHandle, target, targetHandle));

        public string ToJson()
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                w.WriteStartObject();
                w.WriteString("title", title);
                w.WriteString("description", "");
                w.WriteStartArray("nodes");
                foreach (var node in _nodes) WriteNode(w, node);
                w.WriteEndArray();
                w.WriteStartArray("edges");
                foreach (var (source, sourceHandle, target, targetHandle) in _edges)
                {
                    w.WriteStartObject();
                    w.WriteString("source", source);
                    w.WriteString("sourceHandle", sourceHandle);
                    w.WriteString("target", target);
                    w.WriteString("targetHandle", targetHandle);
                    w.WriteString("id", $"reactflow__edge-{source}{sourceHandle}-{target}{targetHandle}");
                    w.WriteBoolean("selected", false);
                    w.WriteBoolean("animated", false);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartArray("variables");
                w.WriteEndArray();
                w.WriteString("schemaVersion", "1.0.0");
                w.WriteString("connectionProvider", "postgres");
                w.WriteEndObject();
            }
            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        private static void WriteNode(Utf8JsonWriter w, (string Id, string Type, string Component, string Label, (string Name, string Type, string? Value)[] Inputs, int Position) node)
        {
            w.WriteStartObject();
            w.WriteNumber("width", node.Type == "source" ? 192 : 64);
            w.WriteNumber("height", 64);
            w.WriteString("id", node.Id);
            w.WriteStartObject("position");
            w.WriteNumber("x", 80 + 160 * (node.Position % 100));
            w.WriteNumber("y", 112 + 160 * (node.Position / 100));
            w.WriteEndObject();
            w.WriteStartObject("data");
            w.WriteString("name", node.Component);
            if (node.Type != "source") w.WriteString("version", "1");
            w.WriteString("label", node.Label);
            w.WriteStartArray("inputs");
            foreach (var (name, type, value) in node.Inputs)
            {
                w.WriteStartObject();
                w.WriteString("name", name);
                w.WriteString("type", type);
                w.WriteString("title", name);
                w.WriteString("description", name);
                if (value is not null)
                {
                    if (type == "Number") w.WriteNumber("value", int.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
                    else w.WriteString("value", value);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (node.Type == "source")
            {
                w.WriteString("id", "src.schools");
                w.WriteStartArray("schema");
                foreach (var (name, type) in Schools)
                {
                    w.WriteStartObject();
                    w.WriteString("name", name);
                    w.WriteString("type", type);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
            w.WriteString("type", node.Type);
            w.WriteNumber("zIndex", 2);
            w.WriteBoolean("selected", false);
            w.WriteBoolean("dragging", false);
            w.WriteEndObject();
        }

        /// <summary>A stable id in the editor's UUID form.</summary>
        private static string Guid(int n) => $"{n:x8}-0000-4000-8000-{n:x12}";
    }
}
