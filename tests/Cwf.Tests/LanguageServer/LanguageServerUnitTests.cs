using Cwf.Diagnostics;
using Cwf.Emit;
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

    // A column derived, read, derived again under the same name and read through a let: two columns named ratio.
    private const string Rederived = """
        source s = table "src.schools"
        let a = s
          | derive ratio = students / 10
          | filter ratio > 1
          | derive ratio = ratio * 2
          | filter ratio > 3
        let b = a
          | filter ratio > 4 and students > 0
        output b -> table "o.t"
        """;

    private static int[] Offsets(string text, string word)
    {
        var found = new List<int>();
        for (int at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal)) found.Add(at);
        return [.. found];
    }

    private static int[] Starts(DocumentAnalysis analysis, IEnumerable<Cwf.LanguageServer.Protocol.Location> locations) =>
        [.. locations.Select(l => PositionMap.ToOffset(analysis.Source, l.Range.Start))];

    [Fact]
    public void References_of_a_column_are_the_names_bound_to_its_introduction_and_a_rederived_column_is_another()
    {
        var analysis = Analyze(Rederived);
        Assert.Equal(["CWF2802"], analysis.Diagnostics.Select(d => d.Code));   // the new column 'ratio' replaces the existing one
        var ratio = Offsets(Rederived, "ratio");   // derive, filter, derive again, its input, filter, the let b's filter
        Assert.Equal(6, ratio.Length);

        Assert.Equal([ratio[0], ratio[1], ratio[3]], Starts(analysis, SymbolNavigator.References(analysis, ratio[1], includeDeclaration: true)));
        Assert.Equal([ratio[0], ratio[1], ratio[3]], Starts(analysis, SymbolNavigator.References(analysis, ratio[0] + 2, includeDeclaration: true)));
        Assert.Equal([ratio[1], ratio[3]], Starts(analysis, SymbolNavigator.References(analysis, ratio[3], includeDeclaration: false)));
        Assert.Equal([ratio[2], ratio[4], ratio[5]], Starts(analysis, SymbolNavigator.References(analysis, ratio[5], includeDeclaration: true)));
        Assert.Equal([ratio[4], ratio[5]], Starts(analysis, SymbolNavigator.References(analysis, ratio[2], includeDeclaration: false)));

        // Definition agrees: the input of the second derive is the first, what follows it the second.
        Assert.Equal([ratio[0]], Starts(analysis, SymbolNavigator.Definition(analysis, ratio[3])));
        Assert.Equal([ratio[2]], Starts(analysis, SymbolNavigator.Definition(analysis, ratio[5])));
    }

    [Fact]
    public void References_of_a_catalog_column_reach_through_lets_and_declare_it_at_the_source()
    {
        var analysis = Analyze(Rederived);
        var students = Offsets(Rederived, "students");
        int source = Rederived.IndexOf("s =", StringComparison.Ordinal);
        Assert.Equal(students, Starts(analysis, SymbolNavigator.References(analysis, students[1], includeDeclaration: false)));
        Assert.Equal([source, .. students], Starts(analysis, SymbolNavigator.References(analysis, students[0], includeDeclaration: true)));
        // A relation's name is no column: its references stay the relation's.
        int a = Rederived.IndexOf("let a", StringComparison.Ordinal) + 4;
        Assert.Equal([a, Rederived.IndexOf("= a", StringComparison.Ordinal) + 2], Starts(analysis, SymbolNavigator.References(analysis, a, includeDeclaration: true)));
    }

    [Fact]
    public void References_of_a_declared_column_start_at_its_declaration()
    {
        const string text = "source s = table \"x.t\" { id: int64, geom: geography }\nlet a = s | filter id > 1 | buffer geom by 5 m as zone | select id, zone\noutput a -> table \"o.t\"\n";
        var analysis = Analyze(text);
        var id = Offsets(text, "id");
        Assert.Equal(id, Starts(analysis, SymbolNavigator.References(analysis, id[2], includeDeclaration: true)));
        var zone = Offsets(text, "zone");
        Assert.Equal(zone, Starts(analysis, SymbolNavigator.References(analysis, zone[1], includeDeclaration: true)));
    }

    [Fact]
    public void Function_hover_shows_how_every_dialect_writes_it_from_the_dialects_function_maps()
    {
        const string text = "source s = table \"src.schools\"\nlet a = s | derive c = h3_boundary(name), r = round(students / 10)\noutput a -> table \"o.t\"\n";
        var analysis = Analyze(text);
        var h3 = HoverProvider.Hover(analysis, text.IndexOf("h3_boundary", StringComparison.Ordinal) + 2)!.Contents.Value;
        Assert.Contains("| dialect | written |", h3);
        Assert.Contains("| bigquery | `{toolbox}.H3_BOUNDARY({0})`; CWF6020: needs the CARTO Analytics Toolbox", h3);
        Assert.Contains("| trino | CWF6002: not available", h3);
        var round = HoverProvider.Hover(analysis, text.IndexOf("round", StringComparison.Ordinal) + 1)!.Contents.Value;
        foreach (var dialect in Dialects.All) Assert.Contains($"| {dialect.Name} | `", round);
    }

    [Fact]
    public void The_dialect_notes_follow_each_dialects_function_map()
    {
        foreach (var function in Cwf.Ir.Functions.All)
        {
            var rows = DialectFunctionNotes.Of(function).Split('\n').Skip(2).Where(r => r.Length > 0).ToArray();
            Assert.Equal(Dialects.All.Length, rows.Length);
            foreach (var (dialect, row) in Dialects.All.Zip(rows))
            {
                var mapping = dialect.Functions.Find(function)!;
                Assert.StartsWith($"| {dialect.Name} | ", row);
                Assert.Equal(!mapping.IsAvailable, row.Contains("CWF6002", StringComparison.Ordinal));
                Assert.Equal(mapping.IsAvailable && (mapping.Templates.Any(t => t.CallsToolbox) || mapping.Notes.Any(n => n.IsPerScript)),
                    row.Contains("CWF6020", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void A_unit_written_as_a_word_gets_a_fix_to_the_unit()
    {
        var text = LanguageServerProcessTests.Program.Replace("300 m", "300 meters");
        var analysis = Analyze(text);
        int meters = text.IndexOf("meters", StringComparison.Ordinal);
        var fix = Assert.Single(CodeActionProvider.Actions(analysis, new TextSpan(meters + 1, 0)));
        Assert.Equal("Change 'meters' to 'm'", fix.Title);
        var edit = Assert.Single(fix.Edit.Changes[analysis.Uri]);
        Assert.Equal("m", edit.NewText);
        Assert.Equal(PositionMap.ToPosition(analysis.Source, meters), edit.Range.Start);
        Assert.Equal(PositionMap.ToPosition(analysis.Source, meters + "meters".Length), edit.Range.End);
    }

    [Theory]
    [InlineData("ts + 7", "ts + 7 days")]
    [InlineData("ts - 30", "ts - 30 days")]
    [InlineData("7 + d", "7 days + d")]
    [InlineData("7 - d", null)]
    [InlineData("ts + n", null)]
    [InlineData("ts + 1.5", null)]
    public void A_whole_number_added_to_a_date_or_timestamp_gets_its_missing_time_unit(string expression, string? fixedText)
    {
        var text = $"source t = table \"x.t\" {{ ts: timestamp, d: date, n: int64 }}\nlet a = t | derive later = {expression}\noutput a -> table \"o.t\"\n";
        var analysis = Analyze(text);
        int at = text.IndexOf(expression, StringComparison.Ordinal);
        Assert.Contains(analysis.Diagnostics, d => d.Code == "CWF2008");
        var fixes = CodeActionProvider.Actions(analysis, new TextSpan(at, expression.Length)).Where(a => a.Title.StartsWith("Add the unit", StringComparison.Ordinal)).ToList();
        if (fixedText is null)
        {
            Assert.Empty(fixes);
            return;
        }
        var edit = Assert.Single(Assert.Single(fixes).Edit.Changes[analysis.Uri]);
        var start = PositionMap.ToOffset(analysis.Source, edit.Range.Start);
        Assert.Equal(start, PositionMap.ToOffset(analysis.Source, edit.Range.End));
        Assert.Equal(fixedText, (text[..start] + edit.NewText + text[start..]).Substring(at, fixedText.Length));
        Assert.DoesNotContain(Analyze(text[..start] + edit.NewText + text[start..]).Diagnostics, d => d.Severity == Severity.Error);
    }
}
