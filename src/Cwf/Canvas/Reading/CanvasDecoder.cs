using System.Globalization;
using System.Text.Json;
using Cwf.Catalog;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Canvas;

/// <summary>
/// Decodes the canvas export object into a <see cref="CanvasDocument"/>, tolerantly: unknown
/// and UI-only keys are ignored, ids may be strings or numbers, inputs may be an array of
/// <c>{name, value}</c> or an object keyed by name. Entries that lose their meaning (a node
/// without an id, a variable without a name) are reported and skipped.
/// </summary>
internal static class CanvasDecoder
{
    public static CanvasDocument Decode(CanvasEnvelopeKind kind, JsonElement canvas, CanvasText text, DiagnosticBag diagnostics)
    {
        var nodes = new List<CanvasNode>();
        var notes = new List<CanvasNote>();
        foreach (var (element, index) in Array(canvas, "nodes", "", text, diagnostics))
            DecodeNode(element, index, text, diagnostics, nodes, notes);

        var edges = new List<CanvasEdge>();
        foreach (var (element, index) in Array(canvas, "edges", "", text, diagnostics))
        {
            string pointer = $"/edges/{index}";
            if (element.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Report(DiagnosticCodes.CanvasMalformed, text.At(pointer), $"edge {index} is {CanvasReader.Describe(element.ValueKind)}, not an object");
                continue;
            }
            edges.Add(new CanvasEdge(index, Scalar(element, "id"), Scalar(element, "source"), Scalar(element, "sourceHandle"),
                Scalar(element, "target"), Scalar(element, "targetHandle"), pointer));
        }

        var variables = new List<CanvasVariable>();
        foreach (var (element, index) in Array(canvas, "variables", "", text, diagnostics))
            if (DecodeVariable(element, index, text, diagnostics) is { } variable) variables.Add(variable);

        return new CanvasDocument(kind,
            Scalar(canvas, "title") ?? "",
            Scalar(canvas, "description"),
            Scalar(canvas, "connectionProvider"),
            nodes.ToSeq(), edges.ToSeq(), variables.ToSeq(), notes.ToSeq());
    }

    private static void DecodeNode(JsonElement element, int index, CanvasText text, DiagnosticBag diagnostics, List<CanvasNode> nodes, List<CanvasNote> notes)
    {
        string pointer = $"/nodes/{index}";
        if (element.ValueKind != JsonValueKind.Object)
        {
            diagnostics.Report(DiagnosticCodes.CanvasMalformed, text.At(pointer), $"node {index} is {CanvasReader.Describe(element.ValueKind)}, not an object");
            return;
        }
        var data = element.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        string type = Scalar(element, "type") ?? "generic";
        string? name = Scalar(data, "name");
        string? id = Scalar(element, "id");
        if (string.IsNullOrEmpty(id))
        {
            diagnostics.Report(DiagnosticCodes.CanvasMalformed, text.At(pointer),
                $"node {index}{(name is null ? "" : $" ({name})")} has no \"id\", so no edge can reach it; it is ignored", "give the node a unique id");
            return;
        }
        var position = Point(element, "position");

        if (type == "note" || name == "Note")
        {
            var size = element.TryGetProperty("width", out _) ? new CanvasPoint(Number(element, "width"), Number(element, "height"))
                : new CanvasPoint(Number(data, "width"), Number(data, "height"));
            notes.Add(new CanvasNote(index, id, Scalar(data, "markdown") ?? Scalar(data, "label") ?? "", position, size, pointer));
            return;
        }

        string component = name ?? (type == "source" ? "ReadTable" : "");
        var node = new CanvasNode(index, id, type, component, Scalar(data, "version"), Scalar(data, "label"), [], null, position, pointer);
        if (component.Length == 0)
            diagnostics.Report(DiagnosticCodes.MissingComponentName, text.At(pointer + "/data", node),
                "the node has no \"data.name\", so cwf cannot tell which component it is", "set data.name to the component id, e.g. \"native.buffer\"");

        var inputs = new List<CanvasInput>();
        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("inputs", out var list))
        {
            if (list.ValueKind == JsonValueKind.Array)
            {
                int i = 0;
                foreach (var entry in list.EnumerateArray())
                {
                    string ip = $"{pointer}/data/inputs/{i++}";
                    if (entry.ValueKind != JsonValueKind.Object || Scalar(entry, "name") is not { } inputName)
                    {
                        diagnostics.Report(DiagnosticCodes.CanvasMalformed, text.At(ip, node), "an input entry has no \"name\"; it is ignored");
                        continue;
                    }
                    var value = entry.TryGetProperty("value", out var v) ? CanvasValue.From(v) : null;
                    inputs.Add(new CanvasInput(inputName, Scalar(entry, "type"), value, ip));
                }
            }
            else if (list.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in list.EnumerateObject())
                    inputs.Add(new CanvasInput(property.Name, null, CanvasValue.From(property.Value),
                        $"{pointer}/data/inputs/{Text.JsonPositionIndex.Escape(property.Name)}"));
            }
            else
            {
                diagnostics.Report(DiagnosticCodes.CanvasMalformed, text.At(pointer + "/data/inputs", node), "\"data.inputs\" is neither an array nor an object");
            }
        }

        // A source names its table in the "source" input; some exports only carry it as data.id.
        if (component == "ReadTable" && !inputs.Any(i => i.Name == "source" && i.HasValue) && Scalar(data, "id") is { Length: > 0 } table)
            inputs.Add(new CanvasInput("source", "String", new StringValue(table), pointer + "/data/id") { ValuePointer = pointer + "/data/id" });

        Schema? schema = null;
        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("schema", out var columns) && columns.ValueKind == JsonValueKind.Array)
            schema = SchemaJson.ReadColumns(columns, pointer + "/data/schema", p => text.At(p, node), diagnostics, $"node {node.Display}");

        nodes.Add(node with { Inputs = inputs.ToSeq(), DeclaredSchema = schema });
    }

    private static CanvasVariable? DecodeVariable(JsonElement element, int index, CanvasText text, DiagnosticBag diagnostics)
    {
        string pointer = $"/variables/{index}";
        string? name = element.ValueKind == JsonValueKind.Object ? Scalar(element, "name") : null;
        if (string.IsNullOrWhiteSpace(name))
        {
            diagnostics.Report(DiagnosticCodes.InvalidVariable, text.At(pointer), $"variable {index} has no \"name\"",
                "variables look like {\"name\": \"radius\", \"type\": \"Number\", \"value\": 500, \"public\": true}");
            return null;
        }
        var value = element.TryGetProperty("value", out var v) ? CanvasValue.From(v) : null;
        string type = Scalar(element, "type") ?? (value is NumberValue ? "Number" : "String");
        bool isPublic = element.TryGetProperty("public", out var p) &&
            (p.ValueKind == JsonValueKind.True || (p.ValueKind == JsonValueKind.String && string.Equals(p.GetString(), "true", StringComparison.OrdinalIgnoreCase)));
        int order = element.TryGetProperty("order", out var o) && o.ValueKind == JsonValueKind.Number && o.TryGetInt32(out var n) ? n : index;
        return new CanvasVariable(name.Trim(), type, value, isPublic, order, pointer);
    }

    /// <summary>The elements of an optional array member; anything else but a missing member is reported.</summary>
    private static IEnumerable<(JsonElement Element, int Index)> Array(JsonElement parent, string name, string pointer, CanvasText text, DiagnosticBag diagnostics)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
            return [];
        if (array.ValueKind != JsonValueKind.Array)
        {
            diagnostics.Report(DiagnosticCodes.CanvasMalformed, text.At($"{pointer}/{name}"),
                $"\"{name}\" is {CanvasReader.Describe(array.ValueKind)}, not an array");
            return [];
        }
        return array.EnumerateArray().Select((e, i) => (e, i));
    }

    /// <summary>A string member, or a number or boolean member as text; null when missing or of another kind.</summary>
    private static string? Scalar(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    private static double Number(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d)
            ? d
            : double.TryParse(Scalar(parent, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;

    private static CanvasPoint Point(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Object ? new CanvasPoint(Number(p, "x"), Number(p, "y")) : default;
}
