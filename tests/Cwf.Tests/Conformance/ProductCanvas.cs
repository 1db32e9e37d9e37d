using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cwf.Tests.Conformance;

/// <summary>
/// Writes a canvas the way the product exports it (canvas-format sections 1 to 4): every node with
/// its React Flow UI keys, <c>data.inputs</c> as the editor lists them (<see cref="ProductComponents"/>,
/// table inputs without a value, hints without a value), sources as <c>import_…</c> nodes, edges with
/// React Flow ids, and the envelope's top-level keys. Values are written as given (a number stays a
/// number, a string a string), so tests can use the encodings real exports use.
/// </summary>
internal sealed class ProductCanvas(string title, string provider = "postgres")
{
    private readonly JsonArray _nodes = [];
    private readonly JsonArray _edges = [];
    private readonly JsonArray _variables = [];
    private int _counter;

    /// <summary>A node of this canvas: its id and label, as diagnostics name it.</summary>
    public sealed record Node(string Id, string Label, string Output)
    {
        /// <summary>How a canvas diagnostic names the node: <c>'label' (id)</c>.</summary>
        public string Named => $"'{Label}' ({Id})";
    }

    public string Title => title;

    /// <summary>A deterministic UUID per canvas and node number, as the editor generates them.</summary>
    private string NewUuid()
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{title}/{++_counter}"));
        return new Guid(bytes.AsSpan(0, 16)).ToString();
    }

    /// <summary>A <c>ReadTable</c> node; <paramref name="schema"/> as <c>name:type</c> pairs gives <c>data.schema</c>.</summary>
    public Node Source(string table, string? label = null, string? id = null, params string[] schema)
    {
        id ??= "import_" + NewUuid().Replace('-', '_');
        var data = new JsonObject
        {
            ["name"] = "ReadTable",
            ["label"] = label ?? table.Split('.')[^1],
            ["inputs"] = new JsonArray(new JsonObject
            {
                ["name"] = "source", ["type"] = "String", ["description"] = "Read Table", ["title"] = "Source table", ["value"] = table,
            }),
            ["id"] = table,
        };
        if (schema.Length > 0)
        {
            data["schema"] = new JsonArray([.. schema.Select(c =>
            {
                int colon = c.LastIndexOf(':');
                return (JsonNode)new JsonObject { ["name"] = c[..colon], ["type"] = c[(colon + 1)..] };
            })]);
        }
        return AddNode(id, "source", data, 192, "out");
    }

    /// <summary>
    /// A component node with the product's input list; <paramref name="values"/> are (input name,
    /// value) where the value is a string, number, bool, string array or <see cref="JsonNode"/>.
    /// A value for an input the product does not list for the component is appended (a stale export).
    /// </summary>
    public Node Add(string component, string label, params (string Name, object? Value)[] values) =>
        AddWithId(null, component, label, values);

    public Node AddWithId(string? id, string component, string label, params (string Name, object? Value)[] values)
    {
        id ??= NewUuid();
        var given = values.ToDictionary(v => v.Name, v => v.Value);
        var inputs = new JsonArray();
        var descriptors = ProductComponents.All.TryGetValue(component, out var list) ? list : [];
        foreach (var descriptor in descriptors)
        {
            var input = descriptor.ToJson();
            if (given.Remove(descriptor.Name, out var value)) input["value"] = ToNode(value);
            inputs.Add(input);
        }
        foreach (var (name, value) in values.Where(v => given.ContainsKey(v.Name)))
            inputs.Add(new JsonObject { ["name"] = name, ["type"] = "String", ["title"] = name, ["description"] = name, ["value"] = ToNode(value) });
        var data = new JsonObject { ["name"] = component, ["version"] = "1", ["inputs"] = inputs, ["label"] = label };
        string output = component is "native.where" or "native.wheresimplified" or "native.isnotnull" or "native.spatialfilter" ? "match" : "result";
        return AddNode(id, "generic", data, 64, output);
    }

    /// <summary>A <c>native.saveastable</c> node fed from <paramref name="from"/> (its default output).</summary>
    public Node Save(Node from, string destination, bool append = false, string? label = null, string? handle = null)
    {
        var save = Add("native.saveastable", label ?? $"Save {destination}", ("destination", destination), ("append", append));
        Connect(from, handle ?? from.Output, save, "source");
        return save;
    }

    public Node Note(string markdown)
    {
        var data = new JsonObject
        {
            ["name"] = "Note", ["color"] = "#F6CF71", ["label"] = "", ["width"] = 319.99, ["height"] = 191.99,
            ["inputs"] = new JsonArray(), ["markdown"] = markdown,
        };
        var node = AddNode(NewUuid(), "note", data, 320, "");
        ((JsonObject)_nodes[^1]!)["zIndex"] = -1;
        return node;
    }

    /// <summary>An edge, with the React Flow id the editor gives it.</summary>
    public ProductCanvas Connect(Node source, string sourceHandle, Node target, string targetHandle) =>
        Edge(source.Id, sourceHandle, target.Id, targetHandle);

    /// <summary>An edge from the node's default output (out, result or match) into <paramref name="targetHandle"/>.</summary>
    public ProductCanvas Connect(Node source, Node target, string targetHandle = "source") =>
        Connect(source, source.Output, target, targetHandle);

    /// <summary>An edge by raw ids (also to or from nodes that do not exist).</summary>
    public ProductCanvas Edge(string source, string sourceHandle, string target, string targetHandle)
    {
        _edges.Add(new JsonObject
        {
            ["source"] = source,
            ["sourceHandle"] = sourceHandle,
            ["target"] = target,
            ["targetHandle"] = targetHandle,
            ["id"] = $"reactflow__edge-{source}{sourceHandle}-{target}{targetHandle}",
            ["selected"] = false,
            ["animated"] = false,
        });
        return this;
    }

    public ProductCanvas Variable(string name, string type, object value, bool isPublic = false)
    {
        _variables.Add(new JsonObject
        {
            ["name"] = name, ["type"] = type, ["value"] = ToNode(value), ["public"] = isPublic, ["order"] = _variables.Count,
        });
        return this;
    }

    /// <summary>Changes one input value of a node after the fact (e.g. to write a value as a string).</summary>
    public ProductCanvas SetValue(Node node, string input, object? value)
    {
        var inputs = (JsonArray)NodeJson(node.Id)["data"]!["inputs"]!;
        var entry = inputs.OfType<JsonObject>().FirstOrDefault(i => (string?)i["name"] == input);
        if (entry is null) inputs.Add(entry = new JsonObject { ["name"] = input, ["type"] = "String", ["title"] = input });
        entry["value"] = ToNode(value);
        return this;
    }

    public JsonObject NodeJson(string id) => _nodes.OfType<JsonObject>().Single(n => (string?)n["id"] == id);

    public JsonObject ToJsonObject() => new()
    {
        ["title"] = title,
        ["description"] = "",
        ["tags"] = new JsonArray(),
        ["nodes"] = _nodes.DeepClone(),
        ["edges"] = _edges.DeepClone(),
        ["variables"] = _variables.DeepClone(),
        ["procedure"] = false,
        ["schedule"] = null,
        ["viewport"] = new JsonObject { ["x"] = 211.5, ["y"] = 260.25, ["zoom"] = 0.72 },
        ["thumbnailUrl"] = "",
        ["schemaVersion"] = "1.0.0",
        ["connectionProvider"] = provider,
        ["useCache"] = true,
    };

    /// <summary>The export as the product writes it (two-space indented JSON).</summary>
    public string ToJson() => ToJsonObject().ToJsonString(Indented);

    /// <summary>The CLI bundle envelope around this export.</summary>
    public string ToBundleJson() => new JsonObject
    {
        ["id"] = "b7f0c3de-5a4e-4c55-9d0a-2f1c2b3a4d5e",
        ["title"] = title,
        ["connectionId"] = "0d4d6b8e-2c1f-4b4a-8f5e-7c6a1e2d3f40",
        ["privacy"] = "private",
        ["tags"] = new JsonArray(),
        ["config"] = ToJsonObject(),
    }.ToJsonString(Indented);

    /// <summary>The generated-SQL envelope: the export as a JSON string inside the leading comment.</summary>
    public string ToGeneratedSql()
    {
        var header = new JsonObject
        {
            ["versionId"] = "3f9d2a7c1b",
            ["paramsId"] = "e1d2c3b4a5",
            ["isImmutable"] = true,
            ["diagramJson"] = ToJsonObject().ToJsonString(),
        };
        return $"/*{header.ToJsonString()}*/\nCALL workflows_temp.wfproc_3f9d2a7c1b();\n";
    }

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private Node AddNode(string id, string type, JsonObject data, int width, string output)
    {
        int x = 80 + 160 * _nodes.Count;
        _nodes.Add(new JsonObject
        {
            ["width"] = width,
            ["height"] = 64,
            ["id"] = id,
            ["position"] = new JsonObject { ["x"] = x, ["y"] = 112 },
            ["data"] = data,
            ["type"] = type,
            ["zIndex"] = 2,
            ["selected"] = false,
            ["positionAbsolute"] = new JsonObject { ["x"] = x, ["y"] = 112 },
            ["dragging"] = false,
        });
        var label = (string?)data["label"] ?? "";
        return new Node(id, label, output);
    }

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        _ => JsonSerializer.SerializeToNode(value),
    };
}
