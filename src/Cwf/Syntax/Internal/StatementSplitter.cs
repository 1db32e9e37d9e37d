using Cwf.Diagnostics;
using G = Cwf.Syntax.Generated;

namespace Cwf.Syntax.Internal;

/// <summary>
/// Cuts the token stream into statements, so each is parsed on its own and a mistake in one
/// never swallows the next. A statement starts at a statement keyword that begins a line and
/// is followed by what that statement needs (<c>let name =</c>, <c>source name =</c>, ...); after
/// a complete line, a line that begins with a statement keyword or a misspelling of one
/// (<c>lett x = ...</c>) starts one too.
/// </summary>
internal static class StatementSplitter
{
    /// <summary>The ranges [first, last] of token indices, one per statement.</summary>
    public static List<(int First, int Last)> Split(TokenList tokens)
    {
        var starts = new List<int>();
        int depth = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (i == 0 || StartsStatement(tokens, i, depth))
            {
                starts.Add(i);
                depth = 0;
            }
            depth = Depth(depth, tokens.Type(i));
        }
        var chunks = new List<(int, int)>(starts.Count);
        for (int k = 0; k < starts.Count; k++)
            chunks.Add((starts[k], (k + 1 < starts.Count ? starts[k + 1] : tokens.Count) - 1));
        return chunks;
    }

    /// <summary>
    /// Whether token <paramref name="i"/> (not the text's first) starts a statement, <paramref name="depth"/> being the
    /// bracket depth after the tokens since the last statement's start. Reads the tokens from i - 1 to i + 2.
    /// </summary>
    public static bool StartsStatement(TokenList tokens, int i, int depth) =>
        tokens.EndLine(i - 1) < tokens.StartLine(i) && (IsStatementStart(tokens, i) || IsBrokenStatementStart(tokens, i, depth));

    /// <summary>The bracket depth after a token of type <paramref name="type"/>.</summary>
    public static int Depth(int depth, int type) => type switch
    {
        G.CwfLexer.LPAREN or G.CwfLexer.LBRACE => depth + 1,
        G.CwfLexer.RPAREN or G.CwfLexer.RBRACE => Math.Max(0, depth - 1),
        _ => depth,
    };

    private static bool IsStatementStart(TokenList t, int i)
    {
        int next = t.Type(i + 1), after = t.Type(i + 2);
        if (i + 1 >= t.Count || t.StartLine(i + 1) != t.StartLine(i)) return false;
        bool name = TokenFacts.IsNameToken(next);
        return t.Type(i) switch
        {
            G.CwfLexer.WORKFLOW => TokenFacts.IsStringToken(next),
            G.CwfLexer.PARAM or G.CwfLexer.CONST => name && after is G.CwfLexer.COLON or G.CwfLexer.EQ,
            G.CwfLexer.SOURCE => name && after == G.CwfLexer.EQ,
            G.CwfLexer.LET => name && after is G.CwfLexer.EQ or G.CwfLexer.COMMA,
            G.CwfLexer.OUTPUT => name && (after is G.CwfLexer.PIPE or G.CwfLexer.ARROW || i + 2 >= t.Count || t.StartLine(i + 2) > t.StartLine(i)),
            G.CwfLexer.ASSERT => name,
            _ => false,
        };
    }

    // After a line that ends a statement, a line that starts like a statement but is broken
    // (`source x table "t"`) or misspelled (`lett x = a`) starts one too, so that its error stays its own.
    private static bool IsBrokenStatementStart(TokenList t, int i, int depth)
    {
        if (depth != 0 || i == 0 || !TokenFacts.EndsValue(t.Type(i - 1)) || i + 1 >= t.Count || t.StartLine(i + 1) != t.StartLine(i)) return false;
        int type = t.Type(i);
        return type is G.CwfLexer.WORKFLOW or G.CwfLexer.PARAM or G.CwfLexer.CONST or G.CwfLexer.SOURCE or G.CwfLexer.LET or G.CwfLexer.OUTPUT or G.CwfLexer.ASSERT
            || (type == G.CwfLexer.IDENTIFIER && NameSuggestions.IsNear(t.Tokens[i].Text, TokenFacts.StatementKeywords));
    }
}
