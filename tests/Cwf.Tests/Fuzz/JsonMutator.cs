using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cwf.Tests.Fuzz;

/// <summary>
/// Mutations that know the canvas and catalog shapes: node ids duplicated or made odd, edges
/// retargeted, doubled, reversed or left dangling, input values and names replaced by hostile
/// text or values of another JSON type, variables added and referenced, parts deleted, copied or
/// grafted from another document. Works on the parsed tree, so the result is still JSON (except
/// for the lone surrogates it writes on purpose).
/// </summary>
internal static class JsonMutator
{
    private static readonly JsonSerializerOptions Write = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonDocumentOptions Read = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 512 };

    private static readonly string[] Handles = ["out", "result", "source", "match", "unmatch", "main", "secondary", "target", "a", "b", "c", "zz", ""];
    private static readonly string[] Components =
    [
        "ReadTable", "native.saveastable", "native.buffer", "native.wheresimplified", "native.where", "native.customsql", "native.join",
        "native.spatialjoin", "native.limit", "native.orderby", "native.groupby", "native.union", "native.select", "native.h3frompoint",
        "native.unknown", "Note", "",
    ];

    /// <summary>The mutated JSON text, or null when the text is not JSON (then only text mutations apply).</summary>
    public static (string Text, string Step)? Mutate(string json, Random rng, IReadOnlyList<string> others)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: Read);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
        if (root is null) return null;
        try
        {
            // A bundle's canvas is a JSON string: mutate the canvas inside and write it back as a string.
            if (root is JsonObject { } bundle && bundle["config"] is JsonValue config && config.TryGetValue<string>(out var inner))
            {
                if (Mutate(inner, rng, others) is not var (text, step)) return null;
                bundle["config"] = text;
                return (HostileText.ResolveMarkers(root.ToJsonString(Write)), "bundle " + step);
            }
            var description = Apply(root, rng, others);
            return (HostileText.ResolveMarkers(root.ToJsonString(Write)), "json: " + description);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            // The document holds text the writer refuses (a lone surrogate from an earlier mutation).
            return null;
        }
    }

    private static string Apply(JsonNode root, Random rng, IReadOnlyList<string> others)
    {
        var canvas = root is JsonObject o && o["nodes"] is JsonArray ? o : null;
        int choice = rng.Next(canvas is null ? 6 : 18);
        var all = Walk(root);
        var (node, path) = all[rng.Next(all.Count)];
        switch (choice)
        {
            case 0:
                return Replace(node, path, HostileValue(rng), "hostile value");
            case 1:
                return Replace(node, path, OtherType(rng), "value of another JSON type");
            case 2:
                if (node.Parent is JsonObject parent) { parent.Remove(path[(path.LastIndexOf('/') + 1)..].Replace("~1", "/").Replace("~0", "~")); return $"deleted {path}"; }
                if (node.Parent is JsonArray array) { array.Remove(node); return $"deleted {path}"; }
                return "nothing deleted";
            case 3:
                if (node.Parent is JsonArray list) { list.Insert(rng.Next(list.Count + 1), node.DeepClone()); return $"duplicated {path}"; }
                return Replace(node, path, node.DeepClone(), "same value");
            case 4:
                var graft = Graft(rng, others);
                return graft is null ? "no graft" : Replace(node, path, graft, "part of another document");
            case 5:
                if (node is JsonObject renamed && renamed.Count > 0)
                {
                    var key = renamed.ElementAt(rng.Next(renamed.Count)).Key;
                    var value = renamed[key];
                    renamed.Remove(key);
                    string newKey = rng.Next(2) == 0 ? TextMutator.Pick(rng, HostileText.JsonValues) : key.ToUpperInvariant();
                    renamed[newKey] = value;
                    return $"renamed key {key} in {path}";
                }
                return Replace(node, path, HostileValue(rng), "hostile value");
            default:
                return Canvas(canvas!, rng);
        }
    }

    // Canvas-aware changes: ids, edges, inputs, variables, labels, components.
    private static string Canvas(JsonObject canvas, Random rng)
    {
        var nodes = canvas["nodes"]!.AsArray().OfType<JsonObject>().ToList();
        var edges = canvas["edges"] as JsonArray ?? [];
        canvas["edges"] ??= edges;
        string RandomId() => nodes.Count == 0 ? "none" : nodes[rng.Next(nodes.Count)]["id"]?.ToString() ?? "none";
        switch (rng.Next(8))
        {
            case 0:
                if (nodes.Count < 2) return "no ids to share";
                var target = nodes[rng.Next(nodes.Count)];
                target["id"] = RandomId();
                return "two nodes share an id";
            case 1:
                if (edges.Count == 0) return "no edge";
                var edge = edges[rng.Next(edges.Count)]!.AsObject();
                string end = rng.Next(2) == 0 ? "source" : "target";
                edge[end] = rng.Next(3) == 0 ? "no-such-node" : RandomId();
                return $"edge {end} retargeted";
            case 2:
                if (edges.Count == 0) return "no edge";
                var handleEdge = edges[rng.Next(edges.Count)]!.AsObject();
                handleEdge[rng.Next(2) == 0 ? "sourceHandle" : "targetHandle"] = TextMutator.Pick(rng, Handles);
                return "edge handle changed";
            case 3:
                edges.Add(new JsonObject
                {
                    ["id"] = "fuzz-edge-" + rng.Next(1000), ["source"] = RandomId(), ["sourceHandle"] = TextMutator.Pick(rng, Handles),
                    ["target"] = RandomId(), ["targetHandle"] = TextMutator.Pick(rng, Handles),
                });
                return "edge added (maybe a cycle or a second edge into an input)";
            case 4:
                var values = Walk(canvas).Select(x => x.Node).OfType<JsonObject>().Where(x => x.ContainsKey("name") && x.ContainsKey("value")).ToList();
                if (values.Count == 0) return "no input value";
                var input = values[rng.Next(values.Count)];
                input["value"] = rng.Next(3) switch
                {
                    0 => HostileValue(rng),
                    1 => "{{@" + TextMutator.Pick(rng, ["p", "radius", "n", "missing", HostileText.LoneHighEscape, "a b"]) + "}}",
                    _ => OtherType(rng),
                };
                return $"input '{input["name"]}' given another value";
            case 5:
                var variables = canvas["variables"] as JsonArray ?? [];
                canvas["variables"] = variables;
                variables.Add(new JsonObject
                {
                    ["name"] = rng.Next(2) == 0 ? "p" : TextMutator.Pick(rng, HostileText.JsonValues),
                    ["type"] = TextMutator.Pick(rng, ["Number", "String", "Boolean", "Date", "", "number"]),
                    ["value"] = rng.Next(2) == 0 ? HostileValue(rng) : OtherType(rng),
                    ["public"] = rng.Next(2) == 0,
                });
                return "variable added";
            case 6:
                if (nodes.Count == 0) return "no node";
                var labelled = nodes[rng.Next(nodes.Count)];
                var data = labelled["data"] as JsonObject ?? [];
                labelled["data"] = data;
                data["label"] = HostileValue(rng);
                if (rng.Next(2) == 0) canvas["title"] = HostileValue(rng);
                return "label or title made hostile";
            default:
                if (nodes.Count == 0) return "no node";
                var changed = nodes[rng.Next(nodes.Count)];
                var component = changed["data"] as JsonObject ?? [];
                changed["data"] = component;
                component["name"] = TextMutator.Pick(rng, Components);
                return $"component changed to {component["name"]}";
        }
    }

    private static string Replace(JsonNode node, string path, JsonNode? value, string what)
    {
        switch (node.Parent)
        {
            case JsonObject parent:
                parent[path[(path.LastIndexOf('/') + 1)..].Replace("~1", "/").Replace("~0", "~")] = value;
                return $"{path} = {what}";
            case JsonArray array:
                array[array.IndexOf(node)] = value;
                return $"{path} = {what}";
            default:
                return "root kept";
        }
    }

    private static JsonNode HostileValue(Random rng) => rng.Next(4) == 0
        ? JsonValue.Create(TextMutator.Pick(rng, HostileText.Numbers) is var n && double.TryParse(n, System.Globalization.CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : 1e300)
        : JsonValue.Create(TextMutator.Pick(rng, HostileText.JsonValues));

    private static JsonNode? OtherType(Random rng) => rng.Next(8) switch
    {
        0 => null,
        1 => JsonValue.Create(rng.Next(2) == 0),
        2 => JsonValue.Create(-rng.Next(1000)),
        3 => new JsonArray("a", 1, null, new JsonArray()),
        4 => new JsonObject { ["name"] = "x", ["value"] = 1 },
        5 => JsonValue.Create(decimal.MaxValue),
        6 => JsonValue.Create(""),
        _ => JsonValue.Create(rng.NextDouble() * 1e6),
    };

    private static JsonNode? Graft(Random rng, IReadOnlyList<string> others)
    {
        var jsons = others.Where(o => o.TrimStart().StartsWith('{')).ToList();
        if (jsons.Count == 0) return null;
        try
        {
            var other = JsonNode.Parse(TextMutator.Pick(rng, jsons), documentOptions: Read);
            if (other is null) return null;
            var parts = Walk(other);
            return parts[rng.Next(parts.Count)].Node.DeepClone();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Every node of the tree with its JSON pointer, without recursion.</summary>
    private static List<(JsonNode Node, string Path)> Walk(JsonNode root)
    {
        var result = new List<(JsonNode, string)>();
        var pending = new Stack<(JsonNode Node, string Path)>();
        pending.Push((root, ""));
        while (pending.TryPop(out var entry))
        {
            result.Add(entry);
            switch (entry.Node)
            {
                case JsonObject o:
                    foreach (var (key, child) in o) if (child is not null) pending.Push((child, entry.Path + "/" + key.Replace("~", "~0").Replace("/", "~1")));
                    break;
                case JsonArray a:
                    for (int i = 0; i < a.Count; i++) if (a[i] is { } child) pending.Push((child, entry.Path + "/" + i));
                    break;
            }
        }
        return result;
    }
}
