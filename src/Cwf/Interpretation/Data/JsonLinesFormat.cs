using System.Text;
using System.Text.Json;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Text;

namespace Cwf.Interpretation.Data;

/// <summary>
/// JSON lines: one object per line, keys naming columns (ignoring case; a missing key is NULL),
/// blank lines skipped. Geography is a WKT string or a GeoJSON geometry object; it is written as WKT.
/// </summary>
internal static class JsonLinesFormat
{
    private const int MaxProblems = 20;

    public static Table? Read(SourceText source, Schema schema, DiagnosticBag diagnostics)
    {
        int problems = 0;
        void Problem(DiagnosticDescriptor descriptor, int line, string pointer, string message)
        {
            if (++problems <= MaxProblems) diagnostics.Report(descriptor, new JsonLocation(source.Path, pointer, new LinePosition(line, 1)), message);
        }

        var rows = new List<object?[]>();
        var ignored = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int line = 1; line <= source.LineCount; line++)
        {
            var text = source.GetLineText(line);
            if (string.IsNullOrWhiteSpace(text)) continue;
            var doc = JsonInput.Parse(SourceText.From(text, source.Path), new JsonDocumentOptions(), out var problem);
            if (doc is null)
            {
                Problem(DiagnosticCodes.DataFileMalformed, line, problem!.Pointer ?? "", $"line {line} is not valid JSON: {problem.Message}");
                continue;
            }
            using (doc)
            {
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    Problem(DiagnosticCodes.DataFileMalformed, line, "", $"line {line} must be one JSON object");
                    continue;
                }
                var row = new object?[schema.Count];
                foreach (var property in doc.RootElement.EnumerateObject())
                {
                    int c = schema.IndexOf(property.Name);
                    if (c < 0)
                    {
                        if (ignored.Add(property.Name))
                            diagnostics.Report(DiagnosticCodes.DataColumnIgnored, new JsonLocation(source.Path, "/" + property.Name, new LinePosition(line, 1)),
                                $"key '{property.Name}' is not in the table's schema {schema} and is ignored");
                        continue;
                    }
                    if (JsonValues.TryRead(property.Value, schema[c].Type, out var value, out var error)) row[c] = value;
                    else Problem(DiagnosticCodes.DataValueInvalid, line, "/" + property.Name, $"line {line}, column '{schema[c].Name}': {error}");
                }
                rows.Add(row);
            }
        }
        return problems > 0 ? null : Table.FromTrustedRows(schema, [.. rows]);
    }

    public static string Write(Table table)
    {
        var sb = new StringBuilder();
        var options = new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        foreach (var row in table.Rows)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, options))
            {
                w.WriteStartObject();
                for (int c = 0; c < row.Count; c++)
                {
                    w.WritePropertyName(table.Schema[c].Name);
                    JsonValues.Write(w, row[c], geometryAsGeoJson: false);
                }
                w.WriteEndObject();
            }
            sb.Append(Encoding.UTF8.GetString(stream.ToArray())).Append('\n');
        }
        return sb.ToString();
    }
}
