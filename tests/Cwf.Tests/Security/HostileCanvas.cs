using System.Globalization;
using System.Text;

namespace Cwf.Tests.Security;

/// <summary>One component of the canvas chain: its inputs are (name, raw JSON value); it reads the previous step on <see cref="InPort"/>.</summary>
internal sealed record CanvasStep(string Id, string Component, string Label, IReadOnlyList<(string Name, string Json)> Inputs,
    string InPort = "source", string OutPort = "result");

/// <summary>
/// A canvas export for the injection tests: a source, a chain of components and a save, with
/// variables and notes. Every text is written by <see cref="Json"/>, which escapes any UTF-16
/// string (a lone surrogate included), so a payload reaches the importer exactly as given.
/// </summary>
internal sealed record HostileCanvas
{
    public string Title { get; init; } = "Base canvas";
    public string Provider { get; init; } = "postgres";
    public string SourceId { get; init; } = "src";
    public string SourceLabel { get; init; } = "Source";
    public string SourceTable { get; init; } = "s.src";

    /// <summary>The source's inline schema; null to take it from the catalog.</summary>
    public IReadOnlyList<(string Name, string Type)>? SourceSchema { get; init; } = BaseSchema;

    public IReadOnlyList<CanvasStep> Steps { get; init; } = BaseSteps;
    public string SaveId { get; init; } = "save";
    public string SaveLabel { get; init; } = "Save";
    public string Destination { get; init; } = "o.out";
    public string AppendJson { get; init; } = "false";

    /// <summary>(name, type, raw JSON value, public).</summary>
    public IReadOnlyList<(string Name, string Type, string ValueJson, bool Public)> Variables { get; init; } =
        [("v", "String", Json.Str("val"), true), ("n", "Number", "5", false)];

    public IReadOnlyList<string> Notes { get; init; } = ["A note"];

    public static readonly IReadOnlyList<(string Name, string Type)> BaseSchema = [("id", "int64"), ("name", "string"), ("amount", "float64")];

    /// <summary>A computed column, a filter, a rename, a sort and a limit: every kind of input value.</summary>
    public static readonly IReadOnlyList<CanvasStep> BaseSteps =
    [
        new("expr", "native.selectexpression", "Computed", [("column", Json.Str("c")), ("expression", Json.Str("'lit'"))]),
        new("filter", "native.where", "Filter", [("expression", Json.Str("id > 0"))], OutPort: "match"),
        new("simple", "native.wheresimplified", "Simple filter", [("column", Json.Str("name")), ("operator", Json.Str("not equal")), ("value", Json.Str("none"))], OutPort: "match"),
        new("rename", "native.renamecolumn", "Rename", [("column", Json.Str("name")), ("newname", Json.Str("n2"))]),
        new("order", "native.orderby", "Sort", [("column", Json.Str("id")), ("direction", Json.Str("Ascending"))]),
        new("limit", "native.limit", "Limit", [("limit", "100")]),
    ];

    /// <summary>The base chain with one input of one step replaced by a raw JSON value.</summary>
    public HostileCanvas WithInput(string stepId, string input, string json) => this with
    {
        Steps = [.. Steps.Select(s => s.Id != stepId ? s : s with { Inputs = [.. s.Inputs.Select(i => i.Name == input ? (i.Name, json) : i)] })],
    };

    public string ToJson()
    {
        var nodes = new List<string>();
        var edges = new List<string>();
        var schema = SourceSchema is null ? "" : $", \"schema\": [{string.Join(", ", SourceSchema.Select(c => $"{{\"name\": {Json.Str(c.Name)}, \"type\": {Json.Str(c.Type)}}}"))}]";
        nodes.Add($"{{\"id\": {Json.Str(SourceId)}, \"type\": \"source\", \"position\": {{\"x\": 0, \"y\": 0}}, \"data\": {{\"name\": \"ReadTable\", \"label\": {Json.Str(SourceLabel)}, " +
                  $"\"inputs\": [{{\"name\": \"source\", \"type\": \"String\", \"value\": {Json.Str(SourceTable)}}}]{schema}}}}}");
        string previous = SourceId, previousHandle = "out";
        foreach (var step in Steps)
        {
            var inputs = step.Inputs.Select(i => $"{{\"name\": {Json.Str(i.Name)}, \"value\": {i.Json}}}").Prepend($"{{\"name\": {Json.Str(step.InPort)}, \"type\": \"Table\"}}");
            nodes.Add(Node(step.Id, step.Component, step.Label, string.Join(", ", inputs)));
            edges.Add(Edge(previous, previousHandle, step.Id, step.InPort));
            (previous, previousHandle) = (step.Id, step.OutPort);
        }
        nodes.Add(Node(SaveId, "native.saveastable", SaveLabel,
            $"{{\"name\": \"source\", \"type\": \"Table\"}}, {{\"name\": \"destination\", \"value\": {Json.Str(Destination)}}}, {{\"name\": \"append\", \"value\": {AppendJson}}}"));
        edges.Add(Edge(previous, previousHandle, SaveId, "source"));
        nodes.AddRange(Notes.Select((markdown, i) =>
            $"{{\"id\": \"note{i}\", \"type\": \"note\", \"position\": {{\"x\": 0, \"y\": -200}}, \"data\": {{\"name\": \"Note\", \"label\": \"\", \"inputs\": [], \"markdown\": {Json.Str(markdown)}}}}}"));
        var variables = Variables.Select((v, i) =>
            $"{{\"name\": {Json.Str(v.Name)}, \"type\": {Json.Str(v.Type)}, \"value\": {v.ValueJson}, \"public\": {(v.Public ? "true" : "false")}, \"order\": {i}}}");
        return $"{{\n\"title\": {Json.Str(Title)},\n\"connectionProvider\": {Json.Str(Provider)},\n\"nodes\": [\n{string.Join(",\n", nodes)}\n],\n" +
               $"\"edges\": [\n{string.Join(",\n", edges)}\n],\n\"variables\": [{string.Join(", ", variables)}]\n}}";
    }

    private static string Node(string id, string component, string label, string inputs) =>
        $"{{\"id\": {Json.Str(id)}, \"type\": \"generic\", \"position\": {{\"x\": 0, \"y\": 0}}, \"data\": {{\"name\": {Json.Str(component)}, \"version\": \"1\", \"label\": {Json.Str(label)}, \"inputs\": [{inputs}]}}}}";

    private static string Edge(string source, string sourceHandle, string target, string targetHandle) =>
        $"{{\"id\": {Json.Str($"e-{source}-{target}")}, \"source\": {Json.Str(source)}, \"sourceHandle\": {Json.Str(sourceHandle)}, \"target\": {Json.Str(target)}, \"targetHandle\": {Json.Str(targetHandle)}}}";
}

/// <summary>JSON text for test inputs: any UTF-16 string as a JSON string, every character outside printable ASCII as \uXXXX.</summary>
internal static class Json
{
    public static string Str(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in value)
        {
            if (c == '"') sb.Append("\\\"");
            else if (c == '\\') sb.Append("\\\\");
            else if (c is >= ' ' and < '\u007F') sb.Append(c);
            else sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }
        return sb.Append('"').ToString();
    }

    /// <summary>A catalog file with one table.</summary>
    public static string Catalog(string table, IEnumerable<(string Name, string Type)> columns) =>
        $"{{\"tables\": [{{\"name\": {Str(table)}, \"columns\": [{string.Join(", ", columns.Select(c => $"{{\"name\": {Str(c.Name)}, \"type\": {Str(c.Type)}}}"))}]}}]}}";
}
