using System.Text.Json;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Catalog;

/// <summary>
/// Reads a JSON array of <c>{"name": ..., "type": ...}</c> column objects, as found in catalog
/// files and in a canvas source node's <c>data.schema</c>, of a document parsed by
/// <see cref="Text.JsonInput"/> (whose strings all decode).
/// </summary>
public static class SchemaJson
{
    /// <summary>The schema, or null when an entry was unusable (each problem is reported).</summary>
    public static Schema? ReadColumns(JsonElement columns, string pointer, Func<string, Location> at, DiagnosticBag diagnostics, string owner)
    {
        var result = new List<Column>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        bool ok = true;
        int i = 0;
        foreach (var column in columns.EnumerateArray())
        {
            string cp = $"{pointer}/{i++}";
            string? name = column.ValueKind == JsonValueKind.Object && column.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            string? typeText = column.ValueKind == JsonValueKind.Object && column.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (string.IsNullOrWhiteSpace(name))
            {
                diagnostics.Report(DiagnosticCodes.CatalogInvalidEntry, at(cp), $"a column of {owner} has no \"name\" string");
                ok = false;
                continue;
            }
            var type = SqlTypeNames.TryParse(typeText);
            if (type is null)
            {
                diagnostics.Report(DiagnosticCodes.UnknownTypeName, at(cp + "/type"),
                    typeText is null ? $"column '{name}' of {owner} has no \"type\"" : $"unknown type '{typeText}' for column '{name}' of {owner}",
                    "use one of: " + string.Join(", ", SqlTypeNames.CwfNames) + " (or a warehouse name such as VARCHAR, NUMBER, double precision)");
                ok = false;
                continue;
            }
            if (!names.Add(name))
            {
                diagnostics.Report(DiagnosticCodes.DuplicateColumn, at(cp + "/name"), $"column '{name}' is declared twice in {owner}");
                ok = false;
                continue;
            }
            bool nullable = !(column.TryGetProperty("nullable", out var nl) && nl.ValueKind == JsonValueKind.False);
            result.Add(new Column(name, type.Value, nullable));
        }
        return ok ? new Schema(result.ToSeq()) : null;
    }
}
