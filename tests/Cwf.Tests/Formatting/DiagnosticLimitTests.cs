using System.Text.Json;
using Cwf.Diagnostics;
using Cwf.Diagnostics.Formatters;
using Cwf.Tests.Canvas;
using Cwf.Text;

namespace Cwf.Tests.Formatting;

/// <summary>
/// Thousands of diagnostics (a canvas whose nodes all share an id) render in linear time and list at
/// most 100 of one code (issue 12: 5,001 errors on a minified 3.5 MB canvas took 268 s as text,
/// because each diagnostic copied its whole line before deciding not to show it).
/// </summary>
public class DiagnosticLimitTests
{
    private static List<Diagnostic> Repeated(int count, DiagnosticDescriptor descriptor, string path = "c.json") =>
        [.. Enumerable.Range(0, count).Select(i => Diagnostic.Create(descriptor, new JsonLocation(path, $"/nodes/{i}/id"), $"problem {i}"))];

    [Fact]
    public void Every_format_lists_100_of_a_code_then_counts_the_rest()
    {
        var diagnostics = Repeated(250, DiagnosticCodes.DuplicateNodeId).Concat(Repeated(3, DiagnosticCodes.CanvasMalformed)).ToList();
        var listed = DiagnosticLimit.Apply(diagnostics);
        Assert.Equal(100 + 3 + 1, listed.Count);
        Assert.Equal("problem 99", listed[99].Message);
        var summary = listed[^1];
        Assert.Equal(DiagnosticCodes.DiagnosticsOmitted, summary.Descriptor);
        Assert.Equal("150 more errors CWF3010 (Two nodes share an id) not listed; the first 100 are", summary.Message);
        Assert.Equal("c.json", summary.Location.Path);

        var text = TextDiagnosticFormatter.Format(diagnostics);
        Assert.Contains("problem 99\n", text);
        Assert.DoesNotContain("problem 100\n", text);
        Assert.Contains("info CWF9003: 150 more errors CWF3010", text);
        Assert.Equal("253 errors", DiagnosticFormatter.Summary(diagnostics));

        using var json = JsonDocument.Parse(JsonDiagnosticFormatter.Format(diagnostics));
        Assert.Equal(104, json.RootElement.GetProperty("diagnostics").GetArrayLength());
        Assert.Equal(253, json.RootElement.GetProperty("errors").GetInt32());

        using var sarif = JsonDocument.Parse(SarifDiagnosticFormatter.Format(diagnostics));
        Assert.Equal(104, sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    [Fact]
    public void Up_to_100_of_a_code_are_all_listed() =>
        Assert.Equal(100, DiagnosticLimit.Apply(Repeated(100, DiagnosticCodes.DuplicateNodeId)).Count);

    [Fact]
    public void The_excerpt_of_a_long_line_is_left_out_without_copying_the_line()
    {
        // 100 diagnostics (all listed) into a 4 MB line: copying the line for each would allocate 800 MB.
        var line = "{\"nodes\": [" + string.Join(",", Enumerable.Range(0, 16_000).Select(i => $"{{\"id\": \"n\", \"data\": {{\"label\": \"{new string('x', 220)}\"}}}}")) + "]}";
        var source = SourceText.From("/* " + line + " */\nSELECT 1;\n", "w.sql");
        var diagnostics = Enumerable.Range(0, 100).Select(i => Diagnostic.Create(DiagnosticCodes.DuplicateNodeId,
            new CanvasLocation("w.sql", "n", null, null, $"/nodes/{i}/id", new LinePosition(1, 20 + i * 250)), "duplicate")).ToList();
        var options = new DiagnosticFormatOptions { SourceLookup = _ => source };
        long before = GC.GetAllocatedBytesForCurrentThread();
        var text = TextDiagnosticFormatter.Format(diagnostics, options);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.DoesNotContain(" | ", text);
        Assert.True(allocated < 20_000_000, $"formatting allocated {allocated:N0} bytes");
    }

    [Fact]
    public void A_canvas_with_thousands_of_duplicate_ids_and_edges_is_checked_and_rendered_in_linear_work()
    {
        // Work is measured as bytes allocated on this thread, which the machine's load does not change:
        // twice the nodes must cost about twice the work (the quadratic formatter cost four times).
        var (small, _) = ImportAndRender(2_500);
        var (large, text) = ImportAndRender(5_000);
        Assert.Contains("4899 more errors CWF3010", text);
        Assert.True(large < 3 * small, $"2,500 duplicates allocated {small:N0} bytes, 5,000 allocated {large:N0}");
    }

    private static (long Allocated, string Text) ImportAndRender(int count)
    {
        var nodes = string.Join(",", Enumerable.Range(0, count).Select(i => $"{{\"id\": \"dup\", \"type\": \"source\", \"data\": {{\"name\": \"ReadTable\", \"label\": \"t{i}\", \"inputs\": [{{\"name\": \"source\", \"value\": \"s.t{i}\"}}]}}}}"));
        var edges = string.Join(",", Enumerable.Range(0, count).Select(i => "{\"source\": \"dup\", \"sourceHandle\": \"out\", \"target\": \"dup\", \"targetHandle\": \"source\"}"));
        var json = "{\"title\": \"dups\", \"nodes\": [" + nodes + "], \"edges\": [" + edges + "]}";
        long before = GC.GetAllocatedBytesForCurrentThread();
        var result = CanvasTestKit.Import(json);
        var text = TextDiagnosticFormatter.Format(result.Diagnostics, new DiagnosticFormatOptions { SourceLookup = _ => SourceText.From(json) });
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(count - 1, result.Diagnostics.Count(d => d.Descriptor == DiagnosticCodes.DuplicateNodeId));
        return (allocated, text);
    }
}
