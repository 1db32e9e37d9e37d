using System.Collections.Immutable;
using Antlr4.Runtime;
using Cwf.Syntax.Internal;
using Cwf.Text;
using G = Cwf.Syntax.Generated;

namespace Cwf.Syntax;

/// <summary>
/// The tokens of .cwf text in order, comments included, classified by the grammar's own lexer: what an
/// editor needs for highlighting and for telling where the cursor is (after a <c>|</c>, inside a string)
/// while the text does not parse. Linear in the text; never throws.
/// </summary>
public static class CwfTokens
{
    public static ImmutableArray<SyntaxToken> Lex(SourceText source)
    {
        var lexer = new G.CwfLexer(new AntlrInputStream(source.Text));
        lexer.RemoveErrorListeners();
        var tokens = ImmutableArray.CreateBuilder<SyntaxToken>();
        foreach (var token in lexer.GetAllTokens())
        {
            if (token.StartIndex < 0 || token.StopIndex < token.StartIndex) continue;
            var span = TextSpan.FromBounds(token.StartIndex, token.StopIndex + 1);
            tokens.Add(new SyntaxToken(span, Classify(token.Type), token.Text));
        }
        return tokens.ToImmutable();
    }

    private static SyntaxTokenKind Classify(int type) => type switch
    {
        G.CwfLexer.IDENTIFIER => SyntaxTokenKind.Name,
        G.CwfLexer.DQ_STRING or G.CwfLexer.BQ_IDENTIFIER => SyntaxTokenKind.QuotedName,
        G.CwfLexer.SQ_STRING or G.CwfLexer.TRIPLE_STRING => SyntaxTokenKind.String,
        G.CwfLexer.INTEGER or G.CwfLexer.FLOAT => SyntaxTokenKind.Number,
        G.CwfLexer.M or G.CwfLexer.KM or G.CwfLexer.MI or G.CwfLexer.FT or G.CwfLexer.M2 or G.CwfLexer.KM2
            or G.CwfLexer.MI2 or G.CwfLexer.HA or G.CwfLexer.TIME_UNIT => SyntaxTokenKind.Unit,
        G.CwfLexer.PARAMETER => SyntaxTokenKind.Parameter,
        G.CwfLexer.LINE_COMMENT or G.CwfLexer.BLOCK_COMMENT => SyntaxTokenKind.Comment,
        G.CwfLexer.PIPE => SyntaxTokenKind.Pipe,
        G.CwfLexer.COMMA or G.CwfLexer.DOT or G.CwfLexer.LPAREN or G.CwfLexer.RPAREN or G.CwfLexer.LBRACE
            or G.CwfLexer.RBRACE or G.CwfLexer.LBRACKET or G.CwfLexer.RBRACKET or G.CwfLexer.COLON => SyntaxTokenKind.Punctuation,
        _ when TokenFacts.IsErrorToken(type) => SyntaxTokenKind.Error,
        _ when TokenFacts.KeywordText(type) is not null => SyntaxTokenKind.Keyword,
        _ => SyntaxTokenKind.Operator,
    };
}
