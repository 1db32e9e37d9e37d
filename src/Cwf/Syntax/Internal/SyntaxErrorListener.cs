using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using G = Cwf.Syntax.Generated;

namespace Cwf.Syntax.Internal;

/// <summary>Keeps the first syntax error ANTLR reports for one statement; later ones are usually its echoes.</summary>
internal sealed class SyntaxErrorListener : BaseErrorListener
{
    public SyntaxError? First { get; private set; }

    public override void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line,
        int charPositionInLine, string msg, RecognitionException e)
    {
        if (First is not null) return;
        var expected = e?.GetExpectedTokens() ?? (recognizer as Parser)?.GetExpectedTokens() ?? new IntervalSet();
        First = new SyntaxError(offendingSymbol, expected, msg.StartsWith("missing ", StringComparison.Ordinal));
    }
}

internal sealed record SyntaxError(IToken Offending, IntervalSet Expected, bool IsMissing)
{
    private static readonly HashSet<int> ExpressionStarts =
    [
        G.CwfLexer.INTEGER, G.CwfLexer.FLOAT, G.CwfLexer.SQ_STRING, G.CwfLexer.PARAMETER, G.CwfLexer.TRUE,
        G.CwfLexer.FALSE, G.CwfLexer.NULL, G.CwfLexer.CASE, G.CwfLexer.CAST, G.CwfLexer.NOT, G.CwfLexer.MINUS,
        G.CwfLexer.PLUS, G.CwfLexer.LPAREN,
    ];

    /// <summary>"an expression", "')' or ','", "a name": what the parser would have accepted.</summary>
    public string DescribeExpected()
    {
        var types = Expected.ToList().Where(t => t > 0 || t == TokenConstants.EOF).ToHashSet();
        var parts = new List<string>();
        bool names = types.Contains(G.CwfLexer.IDENTIFIER);
        if (names)
            types.RemoveWhere(t => TokenFacts.SoftKeywords.Contains(t) || t is G.CwfLexer.IDENTIFIER or G.CwfLexer.DQ_STRING or G.CwfLexer.BQ_IDENTIFIER);
        if (names && types.Contains(G.CwfLexer.INTEGER) && types.Contains(G.CwfLexer.LPAREN))
        {
            parts.Add("an expression");
            types.ExceptWith(ExpressionStarts);
        }
        else if (names) parts.Add("a name");
        parts.AddRange(types.Select(TokenFacts.Display).Order(StringComparer.Ordinal));
        if (parts.Count == 0) return "something else";
        if (parts.Count > 8) parts = [.. parts.Take(8), "..."];
        return parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " or " + parts[^1];
    }

    public static string Describe(IToken token, string endOfInput) =>
        token.Type == TokenConstants.EOF ? endOfInput : "'" + Truncate(token.Text) + "'";

    private static string Truncate(string text) => text.Length <= 30 ? text : text[..27] + "...";
}
