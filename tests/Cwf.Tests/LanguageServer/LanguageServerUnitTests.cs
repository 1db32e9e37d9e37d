using Cwf.Diagnostics;
using Cwf.LanguageServer.Documents;
using Cwf.LanguageServer.Features;
using Cwf.LanguageServer.Protocol;
using LspRange = Cwf.LanguageServer.Protocol.Range;
using Cwf.Text;

namespace Cwf.Tests.LanguageServer;

/// <summary>The server's position, text-change, scope and explanation logic, in process.</summary>
public sealed class LanguageServerUnitTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cwf-lsp-unit").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private DocumentAnalysis Analyze(string text, ServerSettings? settings = null)
    {
        File.WriteAllText(Path.Combine(_dir, "catalog.json"), LanguageServerProcessTests.Catalog);
        var uri = new Uri(Path.Combine(_dir, "doc.cwf")).AbsoluteUri;
        return new DocumentAnalyzer(new CatalogCache()).Analyze(uri, 1, text, settings ?? ServerSettings.Default);
    }

    [Fact]
    public void Positions_count_utf16_units_from_zero_and_clamp_past_a_line_or_the_text()
    {
        var text = SourceText.From("ab\r\nc😀d\nlast");
        Assert.Equal(0, PositionMap.ToOffset(text, new Position(0, 0)));
        Assert.Equal(2, PositionMap.ToOffset(text, new Position(0, 99)));       // past the end of "ab": its end, before \r\n
        Assert.Equal(7, PositionMap.ToOffset(text, new Position(1, 3)));        // c, then the two units of 😀
        Assert.Equal(text.Text.Length, PositionMap.ToOffset(text, new Position(9, 0)));
        Assert.Equal(new Position(1, 3), PositionMap.ToPosition(text, 7));
        Assert.Equal(new Position(2, 4), PositionMap.ToPosition(text, text.Text.Length));
        for (int offset = 0; offset <= text.Text.Length; offset++)
        {
            if (offset is 3) continue; // between \r and \n: not a position of its own
            Assert.Equal(offset, PositionMap.ToOffset(text, PositionMap.ToPosition(text, offset)));
        }
    }

    [Fact]
    public void Content_changes_apply_in_order_each_against_the_text_the_previous_left()
    {
        var text = TextChanges.Apply("let a = b\n", [
            new TextDocumentContentChangeEvent(new LspRange(new Position(0, 8), new Position(0, 9)), "stores"),
            new TextDocumentContentChangeEvent(new LspRange(new Position(0, 14), new Position(0, 14)), " | take 1"),
            new TextDocumentContentChangeEvent(new LspRange(new Position(1, 0), new Position(1, 0)), "output a -> table \"t\""),
        ]);
        Assert.Equal("let a = stores | take 1\noutput a -> table \"t\"", text);
        Assert.Equal("whole", TextChanges.Apply("old", [new TextDocumentContentChangeEvent(null, "whole")]));
    }

    [Fact]
    public void Every_diagnostic_code_has_its_explanation_embedded()
    {
        var missing = DiagnosticCodes.All.Select(d => d.Code).Where(code => DiagnosticExplanations.For(code) is null).ToList();
        Assert.Empty(missing);
        Assert.StartsWith("**CWF2800: Unknown column (error)**", DiagnosticExplanations.For("CWF2800"));
    }

    [Fact]
    public void The_binder_records_the_columns_into_and_out_of_every_step()
    {
        var analysis = Analyze(LanguageServerProcessTests.Program);
        Assert.Empty(analysis.Diagnostics);
        int derive = analysis.Source.Text.IndexOf("derive", StringComparison.Ordinal);
        var scope = ScopeLookup.At(analysis, derive)!;
        Assert.Equal(["school_id", "name", "students", "geom"], scope.Input!.Names);
        Assert.Equal(["school_id", "name", "students", "geom", "ratio"], scope.Output!.Names);
        int ratio = analysis.Source.Text.IndexOf("ratio > 1", StringComparison.Ordinal);
        Assert.Equal(analysis.Source.Text.IndexOf("ratio =", StringComparison.Ordinal), ScopeLookup.Origin(analysis, ratio, "ratio")!.Value.Start);
    }

    [Fact]
    public void Diagnostics_of_another_file_point_at_the_first_line_and_name_the_file()
    {
        File.WriteAllText(Path.Combine(_dir, "catalog.json"), "{ \"tables\": [ { \"name\": 3 } ] }");
        var uri = new Uri(Path.Combine(_dir, "doc.cwf")).AbsoluteUri;
        var analysis = new DocumentAnalyzer(new CatalogCache()).Analyze(uri, 1, "source s = table \"a.b\" { x: int64 }\noutput s -> table \"o.t\"\n", ServerSettings.Default);
        var catalogProblem = analysis.Diagnostics.First(d => d.Location.Path?.EndsWith("catalog.json") == true);
        var converted = DiagnosticConverter.Convert(catalogProblem, analysis.Source);
        Assert.Equal(new Position(0, 0), converted.Range.Start);
        Assert.EndsWith("catalog.json", Assert.Single(converted.RelatedInformation!).Location.Uri);
    }

    [Fact]
    public void An_open_string_gets_a_fix_that_closes_it()
    {
        var analysis = Analyze("source s = table \"src.schools\"\nlet a = s | filter name = 'open\noutput a -> table \"o.t\"\n");
        int open = analysis.Source.Text.IndexOf("'open", StringComparison.Ordinal);
        var fix = Assert.Single(CodeActionProvider.Actions(analysis, new TextSpan(open + 2, 0)), a => a.Title.StartsWith("Close", StringComparison.Ordinal));
        Assert.Equal("Close it with '", fix.Title);
        var edit = Assert.Single(fix.Edit.Changes[analysis.Uri]);
        Assert.Equal("'open'", edit.NewText);
        Assert.Equal(PositionMap.ToPosition(analysis.Source, open), edit.Range.Start);
    }

    [Fact]
    public void Completion_inside_a_step_that_does_not_parse_yet_offers_the_columns_flowing_into_it()
    {
        var text = LanguageServerProcessTests.Program.Replace("  | filter ratio > 1", "  | filter ratio > 1 and ");
        var analysis = Analyze(text);
        int cursor = text.IndexOf("and ", StringComparison.Ordinal) + 4;
        var items = CompletionProvider.Complete(analysis, cursor).Items;
        Assert.Equal(["school_id", "name", "students", "geom", "ratio"], items.Take(5).Select(i => i.Label));
        Assert.Contains(items, i => i.Label == "st_area" && i.Detail == "st_area(geography) → float64");
    }
}
