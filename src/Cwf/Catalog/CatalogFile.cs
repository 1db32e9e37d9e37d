using System.Text.Json;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Text;

namespace Cwf.Catalog;

/// <summary>
/// Reads a catalog file (spec/catalog.md):
/// <c>{"tables":[{"name":"schema.table","columns":[{"name":"id","type":"int64"}, ...]}]}</c>.
/// Columns may add <c>"nullable": false</c>. Every problem becomes a diagnostic at its JSON path.
/// </summary>
public static class CatalogFile
{
    /// <summary>The catalog that goes with an input when none is named: <c>&lt;input&gt;.catalog.json</c>, else <c>catalog.json</c> beside it; null when neither exists.</summary>
    public static string? FindBeside(string inputPath)
    {
        string[] candidates = [Path.ChangeExtension(inputPath, null) + ".catalog.json", Path.Combine(Path.GetDirectoryName(inputPath) ?? "", "catalog.json")];
        return candidates.FirstOrDefault(c => File.Exists(c) && Path.GetFullPath(c) != Path.GetFullPath(inputPath));
    }

    public static (SchemaCatalog Catalog, IReadOnlyList<Diagnostic> Diagnostics) Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var code = e is FileNotFoundException or DirectoryNotFoundException ? DiagnosticCodes.FileNotFound : DiagnosticCodes.FileUnreadable;
            return (SchemaCatalog.Empty, [Diagnostic.Create(code, new FileLocation(path), $"cannot read catalog '{path}': {e.Message}")]);
        }
        return Parse(new SourceText(path, text));
    }

    public static (SchemaCatalog Catalog, IReadOnlyList<Diagnostic> Diagnostics) Parse(SourceText source)
    {
        var diagnostics = new DiagnosticBag();
        var document = JsonInput.Parse(source, out var problem);
        if (document is null)
        {
            diagnostics.Report(DiagnosticCodes.CatalogMalformed, new JsonLocation(source.Path, problem!.Pointer ?? "", problem.Position),
                $"the catalog is not valid JSON: {problem.Message}", problem.Hint);
            return (SchemaCatalog.Empty, diagnostics.ToImmutable());
        }

        var positions = JsonPositionIndex.Build(source);
        Location At(string pointer) => new JsonLocation(source.Path, pointer, positions.Find(pointer));
        const string shape = "expected {\"tables\":[{\"name\":\"schema.table\",\"columns\":[{\"name\":\"id\",\"type\":\"int64\"}]}]}";

        var tables = new List<(TableName, Schema)>();
        TableName? toolbox = null;
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("toolbox", out var toolboxText))
            {
                toolbox = toolboxText.ValueKind == JsonValueKind.String ? TableName.TryParseSchemaPath(toolboxText.GetString()!) : null;
                if (toolbox is null)
                    diagnostics.Report(DiagnosticCodes.CatalogInvalidEntry, At("/toolbox"), "\"toolbox\" must be a string naming a schema or project.dataset",
                        "write where the CARTO Analytics Toolbox is installed, e.g. \"toolbox\": \"carto-un-eu.carto\"");
            }
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("tables", out var tableArray) || tableArray.ValueKind != JsonValueKind.Array)
            {
                diagnostics.Report(DiagnosticCodes.CatalogInvalidEntry, At(""), "the catalog has no \"tables\" array", shape);
                return (SchemaCatalog.Empty, diagnostics.ToImmutable());
            }

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            int t = 0;
            foreach (var table in tableArray.EnumerateArray())
            {
                string tp = $"/tables/{t++}";
                if (ReadTable(table, tp, At, diagnostics) is not { } entry) continue;
                if (!seen.Add(entry.Name.ToString()))
                {
                    diagnostics.Report(DiagnosticCodes.DuplicateCatalogTable, At(tp + "/name"), $"table '{entry.Name}' is declared twice",
                        "keep one declaration of each table");
                    continue;
                }
                tables.Add(entry);
            }
        }
        return (new SchemaCatalog(tables, toolbox), diagnostics.ToImmutable());
    }

    private static (TableName Name, Schema Schema)? ReadTable(JsonElement table, string pointer, Func<string, Location> at, DiagnosticBag diagnostics)
    {
        if (table.ValueKind != JsonValueKind.Object)
        {
            diagnostics.Report(DiagnosticCodes.CatalogInvalidEntry, at(pointer), "a table entry must be an object with \"name\" and \"columns\"");
            return null;
        }
        string? nameText = table.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        var name = nameText is null ? null : TableName.TryParse(nameText);
        if (name is null)
        {
            diagnostics.Report(DiagnosticCodes.CatalogInvalidEntry, at(pointer + "/name"),
                nameText is null ? "the table entry has no \"name\" string" : $"'{nameText}' is not a table name of 1 to 3 dotted parts",
                "write it as \"schema.table\" or \"catalog.schema.table\"");
            return null;
        }
        if (!table.TryGetProperty("columns", out var columns) || columns.ValueKind != JsonValueKind.Array)
        {
            diagnostics.Report(DiagnosticCodes.CatalogInvalidEntry, at(pointer), $"table '{name}' has no \"columns\" array");
            return null;
        }
        var schema = SchemaJson.ReadColumns(columns, pointer + "/columns", at, diagnostics, $"table '{name}'");
        return schema is null ? null : (name, schema);
    }
}
