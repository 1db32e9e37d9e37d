using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cwf.Tests.Editors;

/// <summary>
/// The keywords of the ANTLR grammar and the words the VS Code extension's TextMate grammar
/// matches, so that a test can tell when a keyword added to grammar/Cwf.g4 is not highlighted.
/// </summary>
internal static partial class GrammarKeywords
{
    /// <summary>
    /// Every word literal of a lexer rule (an upper-case rule that is not a fragment): <c>'filter'</c>,
    /// <c>'h3_boundary'</c>, the interval units of TIME_UNIT without their optional plural <c>'s'?</c>.
    /// </summary>
    public static IReadOnlySet<string> FromAntlr(string g4)
    {
        var code = LineComment().Replace(g4, "");
        var keywords = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match rule in LexerRule().Matches(code))
        {
            if (rule.Groups["fragment"].Success) continue;
            foreach (Match literal in WordLiteral().Matches(rule.Groups["body"].Value))
            {
                if (!literal.Groups["optional"].Success)
                    keywords.Add(literal.Groups["word"].Value.ToLowerInvariant());
            }
        }
        return keywords;
    }

    /// <summary>
    /// The words in the regular expressions (match, begin, end) of a TextMate grammar, lower-cased:
    /// escapes such as <c>\b</c> and <c>\s</c> are dropped first, so only written words remain. Comments do not count.
    /// </summary>
    public static IReadOnlySet<string> FromTextMate(string grammarJson)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        using var grammar = JsonDocument.Parse(grammarJson);
        var pending = new Stack<JsonElement>([grammar.RootElement]);
        while (pending.Count > 0)
        {
            var element = pending.Pop();
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray()) pending.Push(item);
            }
            else if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String && property.Name is "match" or "begin" or "end")
                    {
                        var regex = RegexEscape().Replace(property.Value.GetString()!, " ");
                        foreach (Match word in Word().Matches(regex)) words.Add(word.Value.ToLowerInvariant());
                    }
                    else
                    {
                        pending.Push(property.Value);
                    }
                }
            }
        }
        return words;
    }

    /// <summary>The ANTLR keywords no regular expression of the TextMate grammar names.</summary>
    public static IReadOnlyList<string> MissingFromTextMate(string g4, string grammarJson)
    {
        var words = FromTextMate(grammarJson);
        return [.. FromAntlr(g4).Where(k => !words.Contains(k))];
    }

    // Whole-line comments only: the LINE_COMMENT rule itself holds the literal '//'.
    [GeneratedRegex(@"^\s*//.*$", RegexOptions.Multiline)]
    private static partial Regex LineComment();

    [GeneratedRegex(@"(?<![\w'])(?<fragment>fragment\s+)?\b(?<name>[A-Z][A-Z0-9_]*)\s*:(?<body>[^;]*);")]
    private static partial Regex LexerRule();

    [GeneratedRegex(@"'(?<word>[A-Za-z][A-Za-z0-9_]*)'(?<optional>\?)?")]
    private static partial Regex WordLiteral();

    [GeneratedRegex(@"\\p\{[^}]*\}|\\.")]
    private static partial Regex RegexEscape();

    [GeneratedRegex(@"[A-Za-z0-9_]+")]
    private static partial Regex Word();
}
