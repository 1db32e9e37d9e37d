using System.Collections.Frozen;
using Cwf.Diagnostics;
using Cwf.Syntax.Internal;

namespace Cwf.Syntax;

/// <summary>
/// The keywords of the steps written in the generic form (<c>keyword arg, ... { option: value } [as name]</c>)
/// that a program may use: the steps of the components beyond the grammar's own. The parser reports a
/// generic step with any other keyword as unknown (CWF1007). <see cref="Empty"/> is the grammar alone; the
/// component catalog gives the full vocabulary (<c>ComponentCatalog.Default.Steps</c>).
/// </summary>
public sealed class StepVocabulary
{
    private readonly FrozenSet<string> _keywords;

    public StepVocabulary(IEnumerable<string> keywords)
    {
        _keywords = keywords.Select(k => k.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
        Keywords = [.. _keywords.Order(StringComparer.Ordinal)];
    }

    public static StepVocabulary Empty { get; } = new([]);

    /// <summary>The keywords, lower case and sorted.</summary>
    public IReadOnlyList<string> Keywords { get; }

    /// <summary>
    /// Whether a word can name a step in the generic form: a lower-case name (letters, digits, <c>_</c>) that is
    /// no word of the grammar, since the lexer reads those as themselves, never as a name.
    /// </summary>
    public static bool IsValidKeyword(string word) =>
        word.Length > 0 && char.IsAsciiLetterLower(word[0]) && word.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')
        && !TokenFacts.IsGrammarKeyword(word);

    /// <summary>Whether <paramref name="keyword"/> (in any case) names a step of the vocabulary.</summary>
    public bool Contains(string keyword) => _keywords.Contains(keyword.ToLowerInvariant());

    /// <summary>CWF1007 for a step keyword that is neither the grammar's nor the vocabulary's: the closest step, and the list of steps.</summary>
    public Diagnostic UnknownStep(string word, Location location)
    {
        var steps = TokenFacts.StepKeywords.Concat(Keywords).ToList();
        return Diagnostic.Create(DiagnosticCodes.UnknownStep, location, $"unknown step '{word}'",
            NameSuggestions.DidYouMean(word, steps),
            "steps: " + string.Join(", ", steps.Where(k => k is not ("inner" or "left" or "right" or "full" or "limit"))));
    }
}
