using System.Collections.Immutable;
using Cwf.Syntax;
using Cwf.Text;

namespace Cwf.LanguageServer.Features;

/// <summary>Where an offset is among the tokens of a .cwf text: the token under it, the ones before it, and the pipeline step it is in.</summary>
public static class TokenCursor
{
    private static readonly HashSet<string> StatementKeywords = new(["workflow", "param", "const", "source", "let", "output", "assert"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The index of the token that contains the offset or ends at it (a word being typed), or -1.</summary>
    public static int At(ImmutableArray<SyntaxToken> tokens, int offset)
    {
        int index = Before(tokens, offset + 1);
        return index >= 0 && tokens[index].Span.Start <= offset && offset <= tokens[index].Span.End ? index : -1;
    }

    /// <summary>The index of the last token that starts before the offset, or -1.</summary>
    public static int Before(ImmutableArray<SyntaxToken> tokens, int offset)
    {
        int low = 0, high = tokens.Length - 1, found = -1;
        while (low <= high)
        {
            int mid = (low + high) / 2;
            if (tokens[mid].Span.Start < offset) { found = mid; low = mid + 1; }
            else high = mid - 1;
        }
        return found;
    }

    /// <summary>The index of the nearest token before <paramref name="index"/> that is not a comment, or -1.</summary>
    public static int Previous(ImmutableArray<SyntaxToken> tokens, int index)
    {
        for (int i = index - 1; i >= 0; i--)
            if (tokens[i].Kind != SyntaxTokenKind.Comment) return i;
        return -1;
    }

    /// <summary>The index of the keyword that starts the statement the token is in (a statement keyword at or before it), or -1.</summary>
    public static int StatementStart(ImmutableArray<SyntaxToken> tokens, int index)
    {
        for (int i = Math.Min(index, tokens.Length - 1); i >= 0; i--)
            if (tokens[i].Kind == SyntaxTokenKind.Keyword && StatementKeywords.Contains(tokens[i].Text)) return i;
        return -1;
    }

    /// <summary>The last <c>|</c> of the statement before the token, or -1 when the token is not inside a pipeline step.</summary>
    public static int StepPipe(ImmutableArray<SyntaxToken> tokens, int index)
    {
        int start = StatementStart(tokens, index);
        for (int i = Math.Min(index, tokens.Length - 1); i > start && i >= 0; i--)
            if (tokens[i].Kind == SyntaxTokenKind.Pipe) return i;
        return -1;
    }

    /// <summary>The name a name token stands for: its text without the quotes of a quoted name.</summary>
    public static string NameOf(SyntaxToken token) => token.Kind == SyntaxTokenKind.QuotedName && token.Text.Length >= 2
        ? token.Text[1..^1].Replace(token.Text[0] == '"' ? "\"\"" : "``", token.Text[0] == '"' ? "\"" : "`")
        : token.Text;

    public static bool IsName(SyntaxToken token) => token.Kind is SyntaxTokenKind.Name or SyntaxTokenKind.QuotedName;

    /// <summary>Whether the span contains the offset, its end included (the cursor right after a word is on it).</summary>
    public static bool Touches(TextSpan span, int offset) => span.Start <= offset && offset <= span.End;
}
