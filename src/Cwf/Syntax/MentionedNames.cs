using Cwf.Syntax.Internal;
using Cwf.Text;
using G = Cwf.Syntax.Generated;

namespace Cwf.Syntax;

/// <summary>
/// The names a text mentions as the lexer reads them, whether or not it parses: what the binder
/// needs to judge names used in statements that failed to parse, without seeing tokens itself.
/// </summary>
public static class MentionedNames
{
    /// <summary>Every <c>@name</c>, without the <c>@</c>.</summary>
    public static IEnumerable<string> Parameters(SourceText text) =>
        // Every parameter token starts with @: a text without one needs no second lexing.
        !text.Text.Contains('@') ? [] : TokenList.Lex(text).Tokens.Where(t => t.Type == G.CwfLexer.PARAMETER).Select(t => t.Text[1..]);

    /// <summary>Every name: parameters without the <c>@</c>, plain and soft-keyword names, and quoted names without their quotes.</summary>
    public static IEnumerable<string> All(SourceText text)
    {
        foreach (var token in TokenList.Lex(text).Tokens)
        {
            string? name = token.Type == G.CwfLexer.PARAMETER ? token.Text[1..]
                : token.Type is G.CwfLexer.DQ_STRING or G.CwfLexer.BQ_IDENTIFIER ? token.Text[1..^1]
                : TokenFacts.IsNameToken(token.Type) ? token.Text
                : null;
            if (name is not null) yield return name;
        }
    }
}
