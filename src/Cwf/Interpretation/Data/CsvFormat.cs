using Cwf.Diagnostics;
using Cwf.Interpretation.Operators;
using Cwf.Ir;
using Cwf.Text;
using Sylvan.Data.Csv;

namespace Cwf.Interpretation.Data;

/// <summary>
/// CSV (RFC 4180): comma-separated, double-quoted fields with "" for a quote, a header row of
/// column names (matched to the schema ignoring case, in any order). An empty unquoted field is
/// NULL; a quoted empty field ("") is the empty string. Writing quotes a field when it holds a
/// comma, a quote or a line break, or is empty; spaces are kept as they are. Sylvan.Data.Csv splits,
/// unescapes and writes the records; this file maps its records back to character spans of the
/// source for located diagnostics, which the library does not report.
/// </summary>
internal static class CsvFormat
{
    private const int MaxProblems = 20;

    /// <summary>A record: its fields' unescaped text and where its raw text starts and ends in the source.</summary>
    private sealed record Record(string[] Fields, int Start, int End);

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

        var text = source.Text;
        var header = records[0];
        var headerSpans = FieldSpans(text, header);
        var positions = new int[schema.Count];
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int f = 0; f < header.Fields.Length; f++)
        {
            var name = header.Fields[f].Trim();
            if (!seen.Add(name))
                Problem(DiagnosticCodes.DataFileMalformed, headerSpans[f], $"column '{name}' appears twice in the header");
            else if (!schema.Contains(name))
                diagnostics.Report(DiagnosticCodes.DataColumnIgnored, new SourceLocation(source, headerSpans[f]),
                    $"column '{name}' is not in the table's schema {schema} and is ignored");
        }
        for (int c = 0; c < schema.Count; c++)
        {
            positions[c] = Array.FindIndex(header.Fields, h => string.Equals(h.Trim(), schema[c].Name, StringComparison.OrdinalIgnoreCase));
            if (positions[c] < 0)
                Problem(DiagnosticCodes.DataColumnMissing, headerSpans.Count > 0 ? headerSpans[0] : default,
                    $"the header has no column '{schema[c].Name}' ({schema[c].Type.Name()})",
                    "the header row must name every column of the table: " + string.Join(",", schema.Names));
        }
        if (problems > 0) return null;

        // Values are parsed in ranges of records on several cores (a polygon's WKT and its repair cost
        // far more than splitting the text); the ranges' rows and problems are then taken in order.
        int width = header.Fields.Length;
        var parts = RowChunks.Run(records.Count - 1, Environment.ProcessorCount, (start, end) =>
        {
            var rows = new List<object?[]>(end - start);
            var found = new List<(DiagnosticDescriptor Descriptor, TextSpan Span, string Message)>();
            for (int r = start + 1; r < end + 1; r++)
            {
                var record = records[r];
                if (width > 1 && record.Fields is [""] && !IsQuoted(text, record.Start)) continue; // a blank line
                if (record.Fields.Length != width)
                {
                    found.Add((DiagnosticCodes.DataFileMalformed, FieldSpans(text, record)[0], $"this row has {record.Fields.Length} fields; the header has {width}"));
                    continue;
                }
                var row = new object?[schema.Count];
                IReadOnlyList<TextSpan>? spans = null;
                for (int c = 0; c < schema.Count; c++)
                {
                    var field = record.Fields[positions[c]];
                    if (field.Length == 0)
                    {
                        // An empty field is NULL, except a quoted one ("") in a string column: the empty string.
                        if (schema[c].Type != SqlType.String) continue;
                        spans ??= FieldSpans(text, record);
                        if (!IsQuoted(text, spans[positions[c]].Start)) continue;
                    }
                    if (DataValues.TryParse(field, schema[c].Type, out var value, out var error)) row[c] = value;
                    else
                    {
                        spans ??= FieldSpans(text, record);
                        found.Add((DiagnosticCodes.DataValueInvalid, spans[positions[c]], $"column '{schema[c].Name}' ({schema[c].Type.Name()}): {error}"));
                    }
                }
                rows.Add(row);
            }
            return (Rows: rows, Problems: found);
        });
        foreach (var (descriptor, span, message) in parts.SelectMany(p => p.Problems)) Problem(descriptor, span, message);
        return problems > 0 ? null : Table.FromTrustedRows(schema, RowChunks.Concat([.. parts.Select(p => p.Rows)]));
    }

    /// <summary>Reads every record with Sylvan.Data.Csv; null after reporting malformed quoting.</summary>
    private static List<Record>? Parse(SourceText source, Action<DiagnosticDescriptor, TextSpan, string, string> problem)
    {
        var text = source.Text;
        int offset = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var options = new CsvDataReaderOptions
        {
            HasHeaders = false, // the header is the first record, checked against the schema here
            Delimiter = ',',
            // No comment lines in data files: a '#' starts an ordinary field ('\0' never starts a line of text).
            Comment = '\0',
            BufferSize = 0x10000,
            // A record (a large polygon's WKT) may be as long as the file.
            MaxBufferSize = Math.Max(text.Length + 16, 0x10000),
        };
        var records = new List<Record>();
        using var reader = CsvDataReader.Create(new StringReader(text[offset..]), options);
        try
        {
            while (reader.Read())
            {
                // An empty line is one empty field, as RFC 4180 reads it.
                var fields = new string[Math.Max(reader.RowFieldCount, 1)];
                if (reader.RowFieldCount == 0) fields[0] = "";
                for (int f = 0; f < reader.RowFieldCount; f++) fields[f] = reader.GetString(f);
                // The raw record (line break included) is the text from where the last one ended.
                int length = reader.GetRawRecordSpan().Length;
                records.Add(new Record(fields, offset, offset + length));
                offset += length;
            }
        }
        catch (CsvInvalidCharacterException e)
        {
            int at = Math.Min(offset + e.RecordOffset, Math.Max(text.Length - 1, 0));
            if (e.InvalidCharacter == '"' && at >= text.Length - 1)
                problem(DiagnosticCodes.DataFileMalformed, new TextSpan(QuoteOpening(text, offset), 1), "this quoted field is never closed", "close it with a double quote; write a quote inside a field as \"\"");
            else
                problem(DiagnosticCodes.DataFileMalformed, new TextSpan(at, 1), "unexpected text after a closing quote", "a quoted field must end at a comma or the end of the line");
            return null;
        }
        return records;
    }

    private static bool IsQuoted(string text, int start) => start < text.Length && text[start] == '"';

    /// <summary>Where the field that is never closed opens: the last field start (after a comma or at the record's start) with a quote.</summary>
    private static int QuoteOpening(string text, int recordStart)
    {
        var spans = FieldSpans(text, new Record([], recordStart, text.Length));
        return spans.LastOrDefault(s => IsQuoted(text, s.Start), new TextSpan(recordStart, 1)).Start;
    }

    /// <summary>
    /// The character spans of a record's fields in the source, found by walking its raw text: a comma outside
    /// quotes ends a field (a doubled quote inside a field toggles twice), a line break outside quotes the record.
    /// </summary>
    private static IReadOnlyList<TextSpan> FieldSpans(string text, Record record)
    {
        var spans = new List<TextSpan>();
        bool quoted = false;
        int fieldStart = record.Start;
        for (int i = record.Start; i < record.End; i++)
        {
            char c = text[i];
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is ',' or '\r' or '\n')
            {
                spans.Add(new TextSpan(fieldStart, i - fieldStart));
                if (c != ',') return spans;
                fieldStart = i + 1;
            }
        }
        spans.Add(new TextSpan(fieldStart, record.End - fieldStart));
        return spans;
    }

    /// <summary>
    /// The table as CSV written by Sylvan.Data.Csv: a header row, "\n" line ends, NULL as an empty field and
    /// the empty string as "", quotes where a value holds a comma, a quote or a line break.
    /// </summary>
    public static string Write(Table table)
    {
        var text = new StringWriter();
        var options = new CsvDataWriterOptions
        {
            NewLine = "\n",
            QuoteStrings = CsvStringQuoting.AlwaysQuoteEmpty,
            // As on reading: '#' is data, not a comment, and needs no quotes.
            Comment = '\0',
            // As on reading, a record (a country's WKT runs to megabytes) may be any length: the buffer grows to hold it.
            MaxBufferSize = Array.MaxLength,
        };
        using (var writer = CsvDataWriter.Create(text, options)) writer.Write(new TableTextReader(table));
        return text.ToString();
    }
}
