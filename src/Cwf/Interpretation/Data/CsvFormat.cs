using System.Text;
using Cwf.Diagnostics;
using Cwf.Interpretation.Operators;
using Cwf.Ir;
using Cwf.Text;

namespace Cwf.Interpretation.Data;

/// <summary>
/// CSV (RFC 4180): comma-separated, double-quoted fields with "" for a quote, a header row of
/// column names (matched to the schema ignoring case, in any order). An empty unquoted field is
/// NULL; a quoted empty field ("") is the empty string. Writing quotes a field when it holds a
/// comma, a quote, a line break, leading or trailing spaces, or is empty.
/// </summary>
internal static class CsvFormat
{
    private const int MaxProblems = 20;

    private readonly record struct Field(string Text, bool Quoted, int Offset, int Length);

    public static Table? Read(SourceText source, Schema schema, DiagnosticBag diagnostics)
    {
        int problems = 0;
        void Problem(DiagnosticDescriptor descriptor, TextSpan span, string message, string hint = "")
        {
            if (++problems <= MaxProblems) diagnostics.Report(descriptor, new SourceLocation(source, span), message, hint);
        }

        var records = Parse(source, Problem);
        if (records is null) return null;
        if (records.Count == 0)
        {
            Problem(DiagnosticCodes.DataFileMalformed, new TextSpan(0, 0), "the CSV file is empty; it needs at least a header row of column names");
            return null;
        }

        var header = records[0];
        var positions = new int[schema.Count];
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int f = 0; f < header.Count; f++)
        {
            var name = header[f].Text.Trim();
            if (!seen.Add(name))
                Problem(DiagnosticCodes.DataFileMalformed, Span(header[f]), $"column '{name}' appears twice in the header");
            else if (!schema.Contains(name))
                diagnostics.Report(DiagnosticCodes.DataColumnIgnored, new SourceLocation(source, Span(header[f])),
                    $"column '{name}' is not in the table's schema {schema} and is ignored");
        }
        for (int c = 0; c < schema.Count; c++)
        {
            positions[c] = header.FindIndex(h => string.Equals(h.Text.Trim(), schema[c].Name, StringComparison.OrdinalIgnoreCase));
            if (positions[c] < 0)
                Problem(DiagnosticCodes.DataColumnMissing, Span(header.Count > 0 ? header[0] : default),
                    $"the header has no column '{schema[c].Name}' ({schema[c].Type.Name()})",
                    "the header row must name every column of the table: " + string.Join(",", schema.Names));
        }
        if (problems > 0) return null;

        // Values are parsed in ranges of records on several cores (a polygon's WKT and its repair cost
        // far more than splitting the text); the ranges' rows and problems are then taken in order.
        var parts = RowChunks.Run(records.Count - 1, Environment.ProcessorCount, (start, end) =>
        {
            var rows = new List<object?[]>(end - start);
            var found = new List<(DiagnosticDescriptor Descriptor, TextSpan Span, string Message)>();
            for (int r = start + 1; r < end + 1; r++)
            {
                var record = records[r];
                if (header.Count > 1 && record is [{ Text.Length: 0, Quoted: false }]) continue; // a blank line
                if (record.Count != header.Count)
                {
                    found.Add((DiagnosticCodes.DataFileMalformed, Span(record[0]), $"this row has {record.Count} fields; the header has {header.Count}"));
                    continue;
                }
                var row = new object?[schema.Count];
                for (int c = 0; c < schema.Count; c++)
                {
                    var field = record[positions[c]];
                    if (field.Text.Length == 0 && (!field.Quoted || schema[c].Type != SqlType.String)) continue;
                    if (DataValues.TryParse(field.Text, schema[c].Type, out var value, out var error)) row[c] = value;
                    else found.Add((DiagnosticCodes.DataValueInvalid, Span(field), $"column '{schema[c].Name}' ({schema[c].Type.Name()}): {error}"));
                }
                rows.Add(row);
            }
            return (Rows: rows, Problems: found);
        });
        foreach (var (descriptor, span, message) in parts.SelectMany(p => p.Problems)) Problem(descriptor, span, message);
        return problems > 0 ? null : Table.FromTrustedRows(schema, RowChunks.Concat([.. parts.Select(p => p.Rows)]));
    }

    private static TextSpan Span(Field field) => new(field.Offset, field.Length);

    /// <summary>Splits the text into records of fields; null after reporting malformed quoting.</summary>
    private static List<List<Field>>? Parse(SourceText source, Action<DiagnosticDescriptor, TextSpan, string, string> problem)
    {
        var text = source.Text;
        var records = new List<List<Field>>();
        var record = new List<Field>();
        int i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        while (i < text.Length)
        {
            int start = i;
            var sb = new StringBuilder();
            bool quoted = false;
            if (text[i] == '"')
            {
                quoted = true;
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        problem(DiagnosticCodes.DataFileMalformed, new TextSpan(start, 1), "this quoted field is never closed", "close it with a double quote; write a quote inside a field as \"\"");
                        return null;
                    }
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            sb.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    sb.Append(text[i++]);
                }
                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    problem(DiagnosticCodes.DataFileMalformed, new TextSpan(i, 1), "unexpected text after a closing quote", "a quoted field must end at a comma or the end of the line");
                    return null;
                }
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r' or '\n')) sb.Append(text[i++]);
            }
            record.Add(new Field(sb.ToString(), quoted, start, i - start));

            if (i < text.Length && text[i] == ',')
            {
                i++;
                if (i == text.Length) record.Add(new Field("", false, i, 0));
                continue;
            }
            // End of record.
            if (i < text.Length && text[i] == '\r') i++;
            if (i < text.Length && text[i] == '\n') i++;
            records.Add(record);
            record = [];
        }
        return records;
    }

    public static string Write(Table table)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', table.Schema.Columns.Select(c => Quote(c.Name))).Append('\n');
        foreach (var row in table.Rows)
        {
            for (int c = 0; c < row.Count; c++)
            {
                if (c > 0) sb.Append(',');
                if (row[c] is { } value) sb.Append(Quote(DataValues.Format(value)));
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string Quote(string text) =>
        text.Length == 0 || text.AsSpan().IndexOfAny(",\"\r\n") >= 0 || text[0] == ' ' || text[^1] == ' '
            ? "\"" + text.Replace("\"", "\"\"") + "\""
            : text;
}
