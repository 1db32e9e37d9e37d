using System.Text;
using System.Text.Json;

namespace Cwf.Diagnostics.Formatters;

/// <summary>
/// Diagnostics as a SARIF 2.1.0 log (<c>--format sarif</c>): one run of the tool "cwf", a rule per
/// code used (with its title and default level), a result per diagnostic. .cwf spans become
/// regions; canvas and catalog locations become a region when their line is known, plus a logical
/// location naming the node (or the JSON pointer). Hints are kept in the result's properties. At
/// most <see cref="DiagnosticLimit.MaxPerCode"/> results of one rule are listed.
/// </summary>
public static class SarifDiagnosticFormatter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static string Format(IReadOnlyList<Diagnostic> diagnostics, DiagnosticFormatOptions? options = null)
    {
        options ??= DiagnosticFormatOptions.Default;
        diagnostics = DiagnosticLimit.Apply(diagnostics);
        var rules = diagnostics.Select(d => d.Descriptor).DistinctBy(r => r.Code).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        var ruleIndex = rules.Select((r, i) => (r.Code, i)).ToDictionary(x => x.Code, x => x.i);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", SchemaUri);
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();
            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "cwf");
            w.WriteString("version", options.ToolVersion);
            w.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                w.WriteStartObject();
                w.WriteString("id", rule.Code);
                w.WriteStartObject("shortDescription");
                w.WriteString("text", rule.Title);
                w.WriteEndObject();
                w.WriteStartObject("defaultConfiguration");
                w.WriteString("level", Level(rule.DefaultSeverity));
                w.WriteEndObject();
                w.WriteStartObject("properties");
                w.WriteString("category", rule.Category.ToString());
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartArray("results");
            foreach (var d in diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", d.Code);
                w.WriteNumber("ruleIndex", ruleIndex[d.Code]);
                w.WriteString("level", Level(d.Severity));
                w.WriteStartObject("message");
                w.WriteString("text", d.Hints.IsEmpty ? d.Message : d.Message + " (" + string.Join("; ", d.Hints) + ")");
                w.WriteEndObject();
                w.WriteStartArray("locations");
                WriteLocation(w, d.Location, options, id: null);
                w.WriteEndArray();
                if (!d.RelatedLocations.IsEmpty)
                {
                    w.WriteStartArray("relatedLocations");
                    int id = 1;
                    foreach (var related in d.RelatedLocations) WriteLocation(w, related, options, id++);
                    w.WriteEndArray();
                }
                w.WriteStartObject("properties");
                w.WriteStartArray("hints");
                foreach (var hint in d.Hints) w.WriteStringValue(hint);
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteLocation(Utf8JsonWriter w, Location location, DiagnosticFormatOptions options, int? id)
    {
        var at = ResolvedLocation.From(location, options);
        w.WriteStartObject();
        if (id is { } i) w.WriteNumber("id", i);
        if (at.Path is not null)
        {
            w.WriteStartObject("physicalLocation");
            w.WriteStartObject("artifactLocation");
            w.WriteString("uri", Uri(at.Path));
            w.WriteEndObject();
            if (at.Start is { } start)
            {
                w.WriteStartObject("region");
                w.WriteNumber("startLine", start.Line);
                w.WriteNumber("startColumn", start.Column);
                if (at.End is { } end)
                {
                    w.WriteNumber("endLine", end.Line);
                    w.WriteNumber("endColumn", end.Column);
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        var logical = location switch
        {
            CanvasLocation { NodeId: not null } c => (Name: c.NodeLabel ?? c.NodeId, FullName: "nodes/" + c.NodeId + (c.Input is null ? "" : "/inputs/" + c.Input), Kind: "object"),
            CanvasLocation { JsonPointer: not null } c => (Name: c.JsonPointer, FullName: c.JsonPointer, Kind: "element"),
            JsonLocation j => (Name: j.JsonPointer.Length == 0 ? "/" : j.JsonPointer, FullName: j.JsonPointer.Length == 0 ? "/" : j.JsonPointer, Kind: "element"),
            _ => default,
        };
        if (logical.Name is not null)
        {
            w.WriteStartArray("logicalLocations");
            w.WriteStartObject();
            w.WriteString("name", logical.Name);
            w.WriteString("fullyQualifiedName", logical.FullName);
            w.WriteString("kind", logical.Kind);
            w.WriteEndObject();
            w.WriteEndArray();
        }
        if (at.Where is not null)
        {
            w.WriteStartObject("message");
            w.WriteString("text", at.Where);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "note",
        _ => "none",
    };

    // artifactLocation.uri: a file:// URI for an absolute path, else a relative reference; forward slashes, escaped segments.
    private static string Uri(string path)
    {
        var parts = path.Replace('\\', '/').Split('/');
        var escaped = string.Join("/", parts.Select((segment, i) => i == 0 && segment.EndsWith(':') ? segment : System.Uri.EscapeDataString(segment)));
        if (path.StartsWith('/')) return "file://" + escaped;
        return parts[0].EndsWith(':') ? "file:///" + escaped : escaped;
    }
}
