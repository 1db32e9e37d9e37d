using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cwf.Tests.Canvas;

/// <summary>
/// Builds canvas exports for tests in the product's format (React Flow UI keys included, inputs as
/// an array of {name, type, title, value}), pretty-printed so that line numbers are stable.
/// </summary>
internal sealed class TestCanvas
{
    private readonly JsonArray _nodes = [];
    private readonly JsonArray _edges = [];
    private readonly JsonArray _variables = [];
    private int _counter;

    public string Title { get; set; } = "Test canvas";
    public string Provider { get; set; } = "postgres";

    /// <summary>A ReadTable node with an inline schema (<c>name:type</c> pairs), or none (catalog lookup).</summary>
    public string Source(string table, string? label = null, params string[] columns)
    {
        string id = $"import_{Guid(++_counter).Replace('-', '_')}";
        var data = new JsonObject
        {
            ["name"] = "ReadTable",
            ["label"] = label ?? table.Split('.')[^1],
            ["inputs"] = new JsonArray(new JsonObject { ["name"] = "source", ["type"] = "String", ["description"] = "Read Table", ["title"] = "Source table", ["value"] = table }),
            ["id"] = table,
        };
        if (columns.Length > 0)
            data["schema"] = new JsonArray([.. columns.Select(c => c.Split(':')).Select(p => (JsonNode)new JsonObject { ["name"] = p[0], ["type"] = p[1] })]);
        _nodes.Add(NodeObject(id, "source", data, 192));
        return id;
    }

    /// <summary>A component node; values are (input name, JSON value). Table inputs are added from the component catalog.</summary>
    public string Node(string component, string label, params (string Name, object? Value)[] values)
    {
        string id = Guid(++_counter);
        var inputs = new JsonArray();
        if (Cwf.Components.ComponentCatalog.Default.Find(component) is { } descriptor)
            foreach (var port in descriptor.Inputs)
                inputs.Add(new JsonObject { ["name"] = port.Name, ["type"] = "Table", ["title"] = port.Name, ["description"] = port.Name });
        foreach (var (name, value) in values)
            inputs.Add(new JsonObject { ["name"] = name, ["type"] = "String", ["title"] = name, ["description"] = name, ["value"] = JsonSerializer.SerializeToNode(value) });
        _nodes.Add(NodeObject(id, "generic", new JsonObject { ["name"] = component, ["version"] = "1", ["inputs"] = inputs, ["label"] = label }, 64));
        return id;
    }

    /// <summary>A node copied from a real export, its JSON object as the product wrote it; returns its id.</summary>
    public string Exported(string node)
    {
        var copied = JsonNode.Parse(node)!.AsObject();
        _nodes.Add(copied);
        return (string)copied["id"]!;
    }

    public string Note(string markdown, double x = 0, double y = -200)
    {
        string id = Guid(++_counter);
        var node = NodeObject(id, "note", new JsonObject { ["name"] = "Note", ["color"] = "#F6CF71", ["label"] = "", ["inputs"] = new JsonArray(), ["markdown"] = markdown }, 320);
        node["position"] = new JsonObject { ["x"] = x, ["y"] = y };
        _nodes.Add(node);
        return id;
    }

    public TestCanvas Edge(string source, string? sourceHandle, string target, string? targetHandle)
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

    /// <summary>An edge from a node's default output (out for sources, result otherwise) into <c>source</c>.</summary>
    public TestCanvas Flow(string source, string target, string targetHandle = "source") =>
        Edge(source, source.StartsWith("import_", StringComparison.Ordinal) ? "out" : "result", target, targetHandle);

    public TestCanvas Variable(string name, string type, object value, bool isPublic = false)
    {
        _variables.Add(new JsonObject { ["name"] = name, ["type"] = type, ["value"] = JsonSerializer.SerializeToNode(value), ["public"] = isPublic, ["order"] = _variables.Count });
        return this;
    }

    public JsonObject ToJsonObject() => new()
    {
        ["title"] = Title,
        ["description"] = "",
        ["tags"] = new JsonArray(),
        ["nodes"] = _nodes.DeepClone(),
        ["edges"] = _edges.DeepClone(),
        ["variables"] = _variables.DeepClone(),
        ["procedure"] = false,
        ["viewport"] = new JsonObject { ["x"] = 0, ["y"] = 0, ["zoom"] = 1 },
        ["thumbnailUrl"] = "",
        ["schemaVersion"] = "1.0.0",
        ["connectionProvider"] = Provider,
        ["useCache"] = true,
    };

    public string ToJson() => ToJsonObject().ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    /// <summary>The 1-based line of the first occurrence of <paramref name="text"/> in the JSON.</summary>
    public static int LineOf(string json, string text)
    {
        int index = json.IndexOf(text, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{text}' not in the canvas");
        return json[..index].Count(c => c == '\n') + 1;
    }

    private JsonObject NodeObject(string id, string type, JsonObject data, int width)
    {
        int x = 80 + 160 * _counter;
        return new JsonObject
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
        };
    }

    private static string Guid(int n) => $"{n:x8}-1cc6-4be5-b836-46bf0324aac3";
}
