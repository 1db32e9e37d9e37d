using Cwf.LanguageServer.Documents;
using Cwf.LanguageServer.Protocol;
using Cwf.Syntax;
using Cwf.Text;

namespace Cwf.LanguageServer.Features;

/// <summary>
/// Semantic tokens of a .cwf text from the grammar's own lexer: keywords, names (a name before <c>(</c> is a
/// function), strings, numbers, units, parameters, comments and operators, encoded as the LSP's relative
/// five-integer groups, one token per line (a block comment over three lines is three tokens).
/// </summary>
public static class SemanticTokenProvider
{
    /// <summary>The legend: a token's type is its index here.</summary>
    public static IReadOnlyList<string> TokenTypes { get; } = ["keyword", "variable", "string", "number", "enumMember", "parameter", "comment", "operator", "function"];

    private const int Keyword = 0, Variable = 1, String = 2, Number = 3, Unit = 4, Parameter = 5, Comment = 6, Operator = 7, Function = 8;

    public static SemanticTokens Tokens(DocumentAnalysis analysis)
    {
        var tokens = analysis.Tokens;
        var data = new List<int>(tokens.Length * 5);
        int lastLine = 0, lastStart = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (TypeOf(tokens, i) is not { } type) continue;
            foreach (var piece in Lines(analysis.Source, tokens[i].Span))
            {
                var start = PositionMap.ToPosition(analysis.Source, piece.Start);
                data.Add(start.Line - lastLine);
                data.Add(start.Line == lastLine ? start.Character - lastStart : start.Character);
                data.Add(piece.Length);
                data.Add(type);
                data.Add(0);
                (lastLine, lastStart) = (start.Line, start.Character);
            }
        }
        return new SemanticTokens([.. data]);
    }

    private static int? TypeOf(IReadOnlyList<SyntaxToken> tokens, int i) => tokens[i].Kind switch
    {
        SyntaxTokenKind.Keyword => Keyword,
        SyntaxTokenKind.Name or SyntaxTokenKind.QuotedName => NextIsCall(tokens, i) ? Function : Variable,
        SyntaxTokenKind.String => String,
        SyntaxTokenKind.Number => Number,
        SyntaxTokenKind.Unit => Unit,
        SyntaxTokenKind.Parameter => Parameter,
        SyntaxTokenKind.Comment => Comment,
        SyntaxTokenKind.Pipe or SyntaxTokenKind.Operator => Operator,
        _ => null,
    };

    private static bool NextIsCall(IReadOnlyList<SyntaxToken> tokens, int i)
    {
        for (int j = i + 1; j < tokens.Count; j++)
            if (tokens[j].Kind != SyntaxTokenKind.Comment) return tokens[j].Text == "(";
        return false;
    }

    // The parts of a span on each line it covers, without the line breaks.
    private static IEnumerable<TextSpan> Lines(SourceText source, TextSpan span)
    {
        int first = source.GetPosition(span.Start).Line, last = source.GetPosition(span.End).Line;
        for (int line = first; line <= last; line++)
        {
            var whole = source.GetLineSpan(line);
            var piece = TextSpan.FromBounds(Math.Max(whole.Start, span.Start), Math.Min(whole.End, span.End));
            if (piece.Length > 0) yield return piece;
        }
    }
}
