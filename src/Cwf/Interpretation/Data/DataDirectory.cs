using System.Collections.Immutable;
using System.Text;
using Cwf.Diagnostics;
using Cwf.Interpretation.Geo;
using Cwf.Ir;
using Cwf.Text;

namespace Cwf.Interpretation.Data;

/// <summary>What loading a data directory produced: the source tables, and the problems found.</summary>
public sealed record DataLoadResult(Database Tables, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// Source tables from files and output tables to files, for <c>cwf run --data &lt;dir&gt;</c>.
/// A table is the file named after it (<see cref="TableFileNames"/>) with extension .csv,
/// .geojson or .jsonl; a scan of <c>project.dataset.orders</c> looks for
/// <c>project.dataset.orders.*</c>, then <c>dataset.orders.*</c>, then <c>orders.*</c>, file
/// names compared ignoring case. Values are typed by the workflow's scan schema.
/// </summary>
public static class DataDirectory
{
    /// <summary>Reads every table the workflow scans. Scans of one table with different column lists read the union of their columns.</summary>
    public static DataLoadResult Load(string directory, Workflow workflow)
    {
        var diagnostics = new DiagnosticBag();
        string[] files;
        try
        {
            files = Directory.GetFiles(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            diagnostics.Report(DiagnosticCodes.DataFileUnreadable, new FileLocation(directory), $"cannot read the data directory '{directory}': {e.Message}");
            return new DataLoadResult(Database.Empty, diagnostics.ToImmutable());
        }

        var tables = Database.Empty;
        foreach (var (name, schema, origin) in SourceTables(workflow))
        {
            var path = FindFile(name, files, directory, origin, diagnostics);
            if (path is null) continue;
            var table = ReadFile(path, schema, diagnostics);
            if (table is not null) tables = tables.With(name, table);
        }
        return new DataLoadResult(tables, diagnostics.ToImmutable());
    }

    /// <summary>Reads one data file with a known schema (the format from its extension).</summary>
    public static Table? ReadFile(string path, Schema schema, DiagnosticBag diagnostics)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(DiagnosticCodes.DataFileUnreadable, new FileLocation(path), $"cannot read '{path}': {e.Message}");
            return null;
        }
        var source = new SourceText(path, text);
        return DataFormats.FromPath(path) switch
        {
            DataFormat.Csv => CsvFormat.Read(source, schema, diagnostics),
            DataFormat.GeoJson => GeoJsonFormat.Read(source, schema, diagnostics),
            DataFormat.JsonLines => JsonLinesFormat.Read(source, schema, diagnostics),
            _ => throw new ArgumentException($"'{path}' has no data file extension (.csv, .geojson, .jsonl)."),
        };
    }

    /// <summary>Writes each table to <c>&lt;dir&gt;/&lt;name&gt;.&lt;ext&gt;</c>, creating the directory; problems are diagnostics.</summary>
    public static ImmutableArray<Diagnostic> Write(string directory, Database tables, DataFormat format = DataFormat.Csv)
    {
        var diagnostics = new DiagnosticBag();
        foreach (var (name, table) in tables.Tables)
        {
            var path = Path.Combine(directory, TableFileNames.FileName(name, format));
            try
            {
                Directory.CreateDirectory(directory);
                File.WriteAllText(path, Format(table, format), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or GeographyException)
            {
                diagnostics.Report(DiagnosticCodes.DataFileUnwritable, new FileLocation(path), $"cannot write table {name} to '{path}': {e.Message}");
            }
        }
        return diagnostics.ToImmutable();
    }

    /// <summary>The text of a table in a format (what <see cref="Write"/> puts in the file).</summary>
    public static string Format(Table table, DataFormat format) => format switch
    {
        DataFormat.Csv => CsvFormat.Write(table),
        DataFormat.GeoJson => GeoJsonFormat.Write(table),
        DataFormat.JsonLines => JsonLinesFormat.Write(table),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>Each scanned table once, with the union of the columns its scans read, in first-seen order.</summary>
    private static IEnumerable<(TableName Name, Schema Schema, Location Origin)> SourceTables(Workflow workflow)
    {
        var byName = new Dictionary<string, (TableName Name, List<Column> Columns, Location Origin)>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        foreach (var scan in workflow.Nodes.OfType<ScanNode>())
        {
            var key = scan.Table.ToString();
            if (!byName.TryGetValue(key, out var entry))
            {
                byName[key] = entry = (scan.Table, [], scan.Origin ?? Location.None);
                order.Add(key);
            }
            foreach (var column in scan.Schema.Columns)
                if (!entry.Columns.Exists(c => string.Equals(c.Name, column.Name, StringComparison.OrdinalIgnoreCase)))
                    entry.Columns.Add(column);
        }
        return order.Select(k => (byName[k].Name, new Schema(byName[k].Columns.ToSeq()), byName[k].Origin));
    }

    private static string? FindFile(TableName name, string[] files, string directory, Location origin, DiagnosticBag diagnostics)
    {
        var candidates = TableFileNames.Candidates(name);
        foreach (var baseName in candidates)
        {
            var matches = files
                .Where(f => DataFormats.FromPath(f) is not null && string.Equals(Path.GetFileNameWithoutExtension(f), baseName, StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
            if (matches.Count == 1) return matches[0];
            if (matches.Count > 1)
            {
                diagnostics.Report(DiagnosticCodes.DataFileAmbiguous, origin,
                    $"several files hold table {name}: {string.Join(", ", matches.Select(Path.GetFileName))}", "keep one of them");
                return null;
            }
        }
        diagnostics.Report(DiagnosticCodes.DataFileNotFound, origin, $"no data file for table {name} in '{directory}'",
            $"add {string.Join(" or ", candidates.Select(c => c + ".csv"))} (or .geojson, .jsonl)");
        return null;
    }
}
