using Antlr4.Runtime;
using Cwf.Text;
using G = Cwf.Syntax.Generated;

namespace Cwf.Syntax.Internal;

/// <summary>
/// The lexed text: the tokens the parser sees (default channel, error tokens included) and the
/// comments beside them, with the line each starts and ends on.
/// </summary>
internal sealed class TokenList
{
    private readonly int[]? _startLines;
    private readonly int[]? _endLines;

    /// <param name="startLines">Each token's line as ANTLR counts them (at '\n').</param>
    /// <param name="endLines">The line of each token's last character as <see cref="SourceText"/> counts them.</param>
    public TokenList(SourceText source, List<IToken> tokens, List<IToken> comments, int[] startLines, int[] endLines)
    {
        Source = source;
        Tokens = tokens;
        Comments = comments;
        _startLines = startLines;
        _endLines = endLines;
    }

    /// <summary>Tokens that each end on the line they start on, by either count (<see cref="FastLexer"/>'s): their lines are their own.</summary>
    public TokenList(SourceText source, List<IToken> tokens, List<IToken> comments)
    {
        Source = source;
        Tokens = tokens;
        Comments = comments;
    }

    public SourceText Source { get; }
    public List<IToken> Tokens { get; }
    public List<IToken> Comments { get; }
    public int Count => Tokens.Count;

    /// <summary>The line token <paramref name="index"/> starts on, as ANTLR counts them (at '\n').</summary>
    public int StartLine(int index) => _startLines is { } lines ? lines[index] : Tokens[index].Line;

    /// <summary>The line of token <paramref name="index"/>'s last character, as <see cref="SourceText"/> counts them.</summary>
    public int EndLine(int index) => _endLines is { } lines ? lines[index] : Tokens[index].Line;

    public int Type(int index) => index >= 0 && index < Tokens.Count ? Tokens[index].Type : TokenConstants.EOF;

    public static TokenList Lex(SourceText source) => FastLexer.TryLex(source) ?? LexWithGrammar(source);

    /// <summary>The text lexed by the grammar's own lexer (what <see cref="FastLexer"/> leaves to it, and what the tests compare it with).</summary>
    public static TokenList LexWithGrammar(SourceText source)
    {
        var lexer = new G.CwfLexer(new AntlrInputStream(source.Text));
        lexer.RemoveErrorListeners();
        var tokens = new List<IToken>();
        var comments = new List<IToken>();
        // Token by token rather than GetAllTokens, which would first collect them all in a list of its own.
        for (var token = lexer.NextToken(); token.Type != TokenConstants.EOF; token = lexer.NextToken())
        {
            if (token.Channel == TokenConstants.DefaultChannel) tokens.Add(token);
            else if (TokenFacts.IsComment(token.Type)) comments.Add(token);
        }
        return new TokenList(source, tokens, comments, tokens.Select(t => t.Line).ToArray(),
            tokens.Select(t => source.GetPosition(Math.Max(t.StartIndex, t.StopIndex)).Line).ToArray());
    }

    public static TextSpan SpanOf(IToken token) => TextSpan.FromBounds(token.StartIndex, token.StopIndex + 1);

    /// <summary>Index of the last token that starts before <paramref name="offset"/>, or -1.</summary>
    public int LastTokenBefore(int offset)
    {
        int lo = 0, hi = Tokens.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (Tokens[mid].StartIndex < offset)
            {
                found = mid;
                lo = mid + 1;
            }
            else hi = mid - 1;
        }
        return found;
    }
}
