using System.Text.Json;
using System.Text.RegularExpressions;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Editors;

/// <summary>
/// The VS Code extension (editors/vscode) against the compiler it serves: the TextMate grammar
/// highlights every keyword of grammar/Cwf.g4, and the extension offers exactly the registered dialects.
/// </summary>
public partial class TextMateGrammarTests
{
    private static readonly string G4 = File.ReadAllText(RepoPaths.Combine("grammar", "Cwf.g4"));
    private static readonly string TextMate = File.ReadAllText(RepoPaths.Combine("editors", "vscode", "syntaxes", "cwf.tmLanguage.json"));

    [Fact]
    public void Every_keyword_of_the_ANTLR_grammar_is_in_the_TextMate_grammar()
    {
        var missing = GrammarKeywords.MissingFromTextMate(G4, TextMate);
        Assert.True(missing.Count == 0,
            $"grammar/Cwf.g4 has keywords that editors/vscode/syntaxes/cwf.tmLanguage.json never matches: {string.Join(", ", missing)}. " +
            "Add each to the rule for its place (a step after |, a statement at the start of a line, a clause keyword ...) and a case to editors/vscode/test/*.cwf.");
    }

    [Fact]
    public void The_keywords_are_read_from_every_lexer_rule()
    {
        var keywords = GrammarKeywords.FromAntlr(G4);
        // Reserved words, soft keywords, step keywords, units and the interval units of TIME_UNIT (without their plural 's').
        Assert.Superset(new SortedSet<string> { "and", "cast", "workflow", "filter", "spatial_join", "h3_boundary", "km2", "ha", "year", "second", "accepted_values", "unbounded" }, new SortedSet<string>(keywords));
        Assert.DoesNotContain("s", keywords);
        Assert.DoesNotContain("e", keywords); // the EXPONENT fragment
        Assert.All(keywords, k => Assert.Matches("^[a-z][a-z0-9_]*$", k));
        Assert.InRange(keywords.Count, 100, 200);
    }

    [Fact]
    public void A_keyword_missing_from_the_TextMate_grammar_is_reported()
    {
        Assert.Contains("|spatial_filter|", TextMate);
        var withoutStep = TextMate.Replace("|spatial_filter|", "|");
        Assert.Equal(["spatial_filter"], GrammarKeywords.MissingFromTextMate(G4, withoutStep));

        // A word in a comment of the grammar does not count as matched.
        var g4WithNewKeyword = G4.Replace("PER: 'per';", "PER: 'per'; QUALIFY: 'qualify';");
        Assert.Equal(["qualify"], GrammarKeywords.MissingFromTextMate(g4WithNewKeyword, TextMate.Replace("\"comment\": \"", "\"comment\": \"qualify ")));
    }

    [Fact]
    public void The_extension_offers_exactly_the_registered_dialects()
    {
        var registered = global::Cwf.Emit.Dialects.Names.ToList();
        var script = File.ReadAllText(RepoPaths.Combine("editors", "vscode", "src", "dialects.js"));
        var listed = QuotedName().Matches(DialectList().Match(script).Groups[1].Value).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(registered, listed);

        using var package = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("editors", "vscode", "package.json")));
        var setting = package.RootElement.GetProperty("contributes").GetProperty("configuration").GetProperty("properties").GetProperty("cwf.dialect");
        Assert.Equal(registered, setting.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToList());
        Assert.Contains(setting.GetProperty("default").GetString(), registered);
    }

    [GeneratedRegex(@"DIALECTS = Object\.freeze\(\[([^\]]*)\]\)")]
    private static partial Regex DialectList();

    [GeneratedRegex("'([a-z]+)'")]
    private static partial Regex QuotedName();
}
