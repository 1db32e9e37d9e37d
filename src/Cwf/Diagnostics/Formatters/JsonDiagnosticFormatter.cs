using System.Text;
using System.Text.Json;

namespace Cwf.Diagnostics.Formatters;

/// <summary>
/// Diagnostics as one JSON document (<c>--format json</c>):
/// <code>{ "diagnostics": [ { "code", "severity", "title", "message", "hints", "location", "related" } ], "errors": 1, "warnings": 0 }</code>
/// Locations carry a <c>kind</c> (source, canvas, json, file) and the fields of that kind. The list
/// has at most <see cref="DiagnosticLimit.MaxPerCode"/> of one code; the totals count every diagnostic.
/// </summary>
public static class JsonDiagnosticFormatter
{
    public static string Format(IReadOnlyList<Diagnostic> diagnostics, DiagnosticFormatOptions? options = null)
    {
        options ??= DiagnosticFormatOptions.Default;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("diagnostics");
            foreach (var d in DiagnosticLimit.Apply(diagnostics))
            {
                w.WriteStartObject();
                w.WriteString("code", d.Code);
                w.WriteString("severity", DiagnosticFormatter.SeverityName(d.Severity));
                w.WriteString("title", d.Descriptor.Title);
                w.WriteString("message", d.Message);
                w.WriteStartArray("hints");
                foreach (var hint in d.Hints) w.WriteStringValue(hint);
                w.WriteEndArray();
                w.WritePropertyName("location");
                WriteLocation(w, d.Location);
                w.WriteStartArray("related");
                foreach (var related in d.RelatedLocations) WriteLocation(w, related);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("errors", diagnostics.Count(d => d.Severity == Severity.Error));
            w.WriteNumber("warnings", diagnostics.Count(d => d.Severity == Severity.Warning));
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteLocation(Utf8JsonWriter w, Location location)
    {
        w.WriteStartObject();
        switch (location)
        {
            case SourceLocation s:
                w.WriteString("kind", "source");
                w.WriteString("path", s.Path);
                w.WriteNumber("line", s.Start.Line);
                w.WriteNumber("column", s.Start.Column);
                w.WriteNumber("endLine", s.End.Line);
                w.WriteNumber("endColumn", s.End.Column);
                w.WriteNumber("offset", s.Span.Start);
                w.WriteNumber("length", s.Span.Length);
                break;
            case CanvasLocation c:
                w.WriteString("kind", "canvas");
                WriteOptional(w, "path", c.FilePath);
                WriteOptional(w, "nodeId", c.NodeId);
                WriteOptional(w, "nodeLabel", c.NodeLabel);
                WriteOptional(w, "input", c.Input);
                WriteOptional(w, "jsonPointer", c.JsonPointer);
                WritePosition(w, c.Position);
                break;
            case JsonLocation j:
                w.WriteString("kind", "json");
                WriteOptional(w, "path", j.FilePath);
                w.WriteString("jsonPointer", j.JsonPointer);
                WritePosition(w, j.Position);
                break;
            default:
                w.WriteString("kind", "file");
                WriteOptional(w, "path", location.Path);
                break;
        }
        w.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    private static void WritePosition(Utf8JsonWriter w, Text.LinePosition? position)
    {
        if (position is not { } p) return;
        w.WriteNumber("line", p.Line);
        w.WriteNumber("column", p.Column);
    }
}
