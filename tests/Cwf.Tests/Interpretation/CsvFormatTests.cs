using System.Text;
using Cwf.Diagnostics;
using Cwf.Interpretation;
using Cwf.Interpretation.Data;
using Cwf.Ir;
using Cwf.Text;
using static Cwf.Tests.Interpretation.Harness;

namespace Cwf.Tests.Interpretation;

/// <summary>
/// CSV on Sylvan.Data.Csv (issue 19): quoted line breaks, quotes and commas, a byte order mark, '#' as data,
/// and diagnostics that still point at the exact field after records that span lines.
/// </summary>
public sealed class CsvFormatTests
{
    private static readonly Schema Notes = Schema(("id", SqlType.Int64), ("note", SqlType.String));

    private static (Table? Table, List<Diagnostic> Diagnostics, SourceText Source) Read(string text, Schema schema)
    {
        var source = new SourceText("t.csv", text);
        var bag = new DiagnosticBag();
        var table = CsvFormat.Read(source, schema, bag);
        return (table, [.. bag.ToImmutable()], source);
    }

    [Fact]
    public void Quoted_fields_keep_line_breaks_quotes_and_commas()
    {
        var (table, diagnostics, _) = Read("id,note\r\n1,\"two\nlines\"\r\n2,\"say \"\"hi\"\", then go\"\r\n3,\"a\r\nb\"\n4,#not a comment\n5,  spaced  \n", Notes);
        Assert.Empty(diagnostics);
        Assert.Equal(["two\nlines", "say \"hi\", then go", "a\r\nb", "#not a comment", "  spaced  "], table!.Rows.Select(r => r[1]));
        Assert.Equal([1L, 2L, 3L, 4L, 5L], table.Rows.Select(r => r[0]));
    }

    [Fact]
    public void A_bad_value_after_records_that_span_lines_is_located_at_its_field()
    {
        var (table, diagnostics, source) = Read("id,note\n1,\"first\nsecond\"\n\"2\",\"x\"\"y\nz\"\nthree,\"a,b\"\n", Notes);
        Assert.Null(table);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.DataValueInvalid.Code, error.Code);
        var at = Assert.IsType<SourceLocation>(error.Location);
        Assert.Equal((6, 1), (at.Start.Line, at.Start.Column));
        Assert.Equal("three", source.Text.Substring(at.Span.Start, at.Span.Length));
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_first_column_name()
    {
        var (table, diagnostics, source) = Read("\uFEFFid,note\n1,a\nx,b\n", Notes);
        Assert.Null(table);
        var at = Assert.IsType<SourceLocation>(Assert.Single(diagnostics).Location);
        Assert.Equal("x", source.Text.Substring(at.Span.Start, at.Span.Length));

        var dir = Directory.CreateTempSubdirectory("cwf-csv-bom");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "t.csv"), "id,note\n1,a\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            var b = new WorkflowBuilder("bom");
            var scan = b.Scan(TableName.TryParse("t")!, Notes, "t");
            b.Sink(scan.Id, Output, WriteMode.Replace, "out");
            var loaded = DataDirectory.Load(dir.FullName, b.ToWorkflow());
            Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
            Assert.Equal("id | note\n1 | a\n", loaded.Tables["t"].Format());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_field_never_closed_points_at_its_opening_quote()
    {
        var (table, diagnostics, source) = Read("id,note\n1,ok\n2,\"open,\nstill open\n", Notes);
        Assert.Null(table);
        var error = Assert.Single(diagnostics);
        Assert.Contains("never closed", error.Message);
        Assert.Equal(source.Text.IndexOf("\"open", StringComparison.Ordinal), ((SourceLocation)error.Location).Span.Start);
    }

    [Fact]
    public void Writing_quotes_only_what_needs_quotes_and_reads_back_the_same()
    {
        var table = Table(Notes, [1L, "a,b"], [2L, "say \"hi\""], [3L, ""], [null, null], [5L, "#hash"], [6L, " two\nlines "]);
        var text = CsvFormat.Write(table);
        Assert.Equal("id,note\n1,\"a,b\"\n2,\"say \"\"hi\"\"\"\n3,\"\"\n,\n5,#hash\n6,\" two\nlines \"\n", text);
        var (back, diagnostics, _) = Read(text, Notes);
        Assert.Empty(diagnostics);
        Assert.Equal(table.Rows.Select(r => r[1]), back!.Rows.Select(r => r[1]));
        Assert.Equal(table.Rows.Select(r => r[0]), back.Rows.Select(r => r[0]));
    }

    /// <summary>
    /// A value of megabytes (the WKT of a large country) is written and read back whole: the writer's buffer grows
    /// to the record, where it stopped at Sylvan's default limit with an internal error (CWF9001) in `cwf run`.
    /// </summary>
    [Fact]
    public void A_record_of_megabytes_is_written_and_read_back()
    {
        var wkt = "MULTIPOLYGON(((" + string.Join(",", Enumerable.Range(0, 200_000).Select(i => $"-55.0{i % 10} -27.{i % 100}")) + ")))";
        Assert.True(wkt.Length > 2_000_000);
        var table = Table(Notes, [1L, wkt], [2L, "short, quoted"]);
        var text = CsvFormat.Write(table);
        var (back, diagnostics, _) = Read(text, Notes);
        Assert.Empty(diagnostics);
        Assert.Equal(table.Rows.Select(r => r[1]), back!.Rows.Select(r => r[1]));
    }
}
