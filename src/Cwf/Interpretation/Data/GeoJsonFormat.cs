using System.Text;
using System.Text.Json;
using Cwf.Diagnostics;
using Cwf.Interpretation.Geo;
using Cwf.Ir;
using Cwf.Text;

namespace Cwf.Interpretation.Data;

/// <summary>
/// A GeoJSON FeatureCollection. Reading: each feature is a row; its properties fill the columns
/// of the same name (ignoring case); its geometry fills the first geography column that the
/// properties do not provide. Writing: the first geography column becomes the feature geometry,
/// every other column a property (further geography columns as GeoJSON geometry objects).
/// Geometries are read and written by NetTopologySuite.IO.GeoJSON4STJ (<see cref="GeoJsonObjects"/>);
/// the collection is walked here, on the parsed document, so that every bad feature is its own
/// diagnostic at its JSON pointer and property values are typed by their column, neither of which the
/// library's FeatureCollection converter does (it stops at the first exception; its numbers are decimals).
/// </summary>
internal static class GeoJsonFormat
{
    private const int MaxProblems = 20;

    public static Table? Read(SourceText source, Schema schema, DiagnosticBag diagnostics)
    {
        JsonPositionIndex? index = null;
        int problems = 0;
        void Problem(DiagnosticDescriptor descriptor, string pointer, string message)
        {
            index ??= JsonPositionIndex.Build(source);
            if (++problems <= MaxProblems) diagnostics.Report(descriptor, new JsonLocation(source.Path, pointer, index.Find(pointer)), message);
        }

        var doc = JsonInput.Parse(source, out var problem);
        if (doc is null)
        {
            diagnostics.Report(DiagnosticCodes.DataFileMalformed, new JsonLocation(source.Path, problem!.Pointer ?? "", problem.Position), $"not valid JSON: {problem.Message}");
            return null;
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                Problem(DiagnosticCodes.DataFileMalformed, "", "a GeoJSON data file must be a FeatureCollection with a \"features\" array");
                return null;
            }
            var rows = new List<object?[]>();
            var ignored = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            int f = 0;
            foreach (var feature in features.EnumerateArray())
            {
                string pointer = $"/features/{f++}";
                if (feature.ValueKind != JsonValueKind.Object)
                {
                    Problem(DiagnosticCodes.DataFileMalformed, pointer, "a feature must be an object");
                    continue;
                }
                var row = new object?[schema.Count];
                var provided = new bool[schema.Count];
                if (feature.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in properties.EnumerateObject())
                    {
                        int c = schema.IndexOf(property.Name);
                        if (c < 0)
                        {
                            if (ignored.Add(property.Name))
                                diagnostics.Report(DiagnosticCodes.DataColumnIgnored, new JsonLocation(source.Path, $"{pointer}/properties/{property.Name}"),
                                    $"property '{property.Name}' is not in the table's schema {schema} and is ignored");
                            continue;
                        }
                        provided[c] = true;
                        if (JsonValues.TryRead(property.Value, schema[c].Type, out var value, out var error)) row[c] = value;
                        else Problem(DiagnosticCodes.DataValueInvalid, $"{pointer}/properties/{property.Name}", $"column '{schema[c].Name}': {error}");
                    }
                }
                int geometryColumn = Enumerable.Range(0, schema.Count).FirstOrDefault(c => schema[c].Type == SqlType.Geography && !provided[c], -1);
                if (geometryColumn >= 0 && feature.TryGetProperty("geometry", out var geometry) && geometry.ValueKind != JsonValueKind.Null)
                {
                    row[geometryColumn] = GeoJsonObjects.TryRead(geometry, out var error);
                    if (row[geometryColumn] is null) Problem(DiagnosticCodes.DataValueInvalid, $"{pointer}/geometry", $"column '{schema[geometryColumn].Name}': {error}");
                }
                rows.Add(row);
            }
            return problems > 0 ? null : Table.FromTrustedRows(schema, [.. rows]);
        }
    }

    public static string Write(Table table)
    {
        var schema = table.Schema;
        int geometryColumn = Enumerable.Range(0, schema.Count).FirstOrDefault(c => schema[c].Type == SqlType.Geography, -1);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            foreach (var row in table.Rows)
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WritePropertyName("geometry");
                if (geometryColumn >= 0 && row[geometryColumn] is NetTopologySuite.Geometries.Geometry g) GeoJsonObjects.Write(w, g);
                else w.WriteNullValue();
                w.WriteStartObject("properties");
                for (int c = 0; c < schema.Count; c++)
                {
                    if (c == geometryColumn) continue;
                    w.WritePropertyName(schema[c].Name);
                    JsonValues.Write(w, row[c], geometryAsGeoJson: true);
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
