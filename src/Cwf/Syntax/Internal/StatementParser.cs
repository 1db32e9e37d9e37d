using Antlr4.Runtime;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Text;
using G = Cwf.Syntax.Generated;

namespace Cwf.Syntax.Internal;

/// <summary>
/// Parses one statement of a token list at a time: the common statements directly, without ANTLR's
/// parse tree; the others, and every mistake, through the grammar (which reports them). A broken
/// statement is kept as <see cref="ErroneousStatementSyntax"/>.
/// </summary>
internal sealed class StatementParser(TokenList tokens, StepVocabulary? steps, List<Diagnostic> diagnostics)
{
    private readonly DirectParser _direct = new(tokens);
    // Made at the first statement the direct parse leaves to the grammar (nearly none in a long program).
    private FastParser? _fast;

    /// <summary>The statement of tokens [first, last]; its syntax errors are added to the diagnostics.</summary>
    public StatementSyntax Parse(int first, int last) => _direct.TryStatement(first, last) ?? ParseWithGrammar(first, last);

    /// <summary>The statement that starts at token <paramref name="first"/>, when the direct parse reads it (its end found through the feed).</summary>
    public StatementSyntax? TryDirect(int first, IStatementFeed feed) => _direct.TryStatement(first, feed);

    /// <summary>The statement of tokens [first, last], read by the grammar; its syntax errors are added to the diagnostics.</summary>
    public StatementSyntax ParseWithGrammar(int first, int last)
    {
        var source = tokens.Source;
        var outcome = RangeParser.Parse(_fast ??= new FastParser(tokens), first, last, p => p.statementEntry(), (b, c) => b.Statement(c.statement()),
            ExpressionParseOptions.Default, "end of the statement", e => NotAStatement(source, e), steps);
        diagnostics.AddRange(outcome.Diagnostics);
        return outcome.Syntax ?? Erroneous(first, last);
    }

    // A statement that does not even start like one: say which statements exist.
    private static Diagnostic? NotAStatement(SourceText source, SyntaxError error)
    {
        if (error.Offending.Type == TokenConstants.EOF) return null;
        return Diagnostic.Create(DiagnosticCodes.UnexpectedToken, new SourceLocation(source, TokenList.SpanOf(error.Offending)),
            $"expected a statement, found {SyntaxError.Describe(error.Offending, "")}",
            "a statement starts with " + string.Join(", ", TokenFacts.StatementKeywords));
    }

    // Keeps the text of a statement that failed, and the names it appears to declare.
    private ErroneousStatementSyntax Erroneous(int first, int last)
    {
        var span = TextSpan.FromBounds(tokens.Tokens[first].StartIndex, tokens.Tokens[last].StopIndex + 1);
        var names = new List<IdentifierSyntax>();
        int i = first + 1;
        if (tokens.Type(first) is G.CwfLexer.LET or G.CwfLexer.SOURCE or G.CwfLexer.PARAM or G.CwfLexer.CONST or G.CwfLexer.IDENTIFIER)
        {
            while (i <= last && TokenFacts.IsNameToken(tokens.Type(i)))
            {
                var token = tokens.Tokens[i];
                var text = token.Type is G.CwfLexer.DQ_STRING or G.CwfLexer.BQ_IDENTIFIER ? token.Text[1..^1] : token.Text;
                names.Add(new IdentifierSyntax(text) { Span = TokenList.SpanOf(token) });
                if (tokens.Type(i + 1) != G.CwfLexer.COMMA) break;
                i += 2;
            }
        }
        return new ErroneousStatementSyntax(tokens.Source.ToString(span), names.ToSeq()) { Span = span };
    }
}
