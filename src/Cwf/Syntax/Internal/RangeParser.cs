using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Cwf.Diagnostics;
using Cwf.Text;
using G = Cwf.Syntax.Generated;

namespace Cwf.Syntax.Internal;

/// <summary>
/// Parses one range of tokens (a statement, or a whole expression) with one entry rule and
/// builds its syntax: first the fast SLL mode that bails at the first problem, then, only if
/// that failed, full LL with error reporting. Reports at most one syntax error per range (later
/// ones are nearly always echoes of the first) and guards against deep nesting.
/// </summary>
internal static class RangeParser
{
    /// <summary>Nesting up to this depth parses on the caller's thread; deeper input moves to a big stack.</summary>
    private const int CallerStackDepth = 32;

    public sealed record Outcome<T>(T? Syntax, IReadOnlyList<Diagnostic> Diagnostics) where T : class;

    public static Outcome<T> Parse<TContext, T>(
        FastParser fast, int first, int last,
        Func<G.CwfParser, TContext> entry,
        Func<SyntaxTreeBuilder, TContext, T> build,
        ExpressionParseOptions options,
        string endOfInput,
        Func<SyntaxError, Diagnostic?>? describeFirstTokenError = null,
        StepVocabulary? steps = null)
        where TContext : ParserRuleContext
        where T : class
    {
        var tokens = fast.Tokens;
        var source = tokens.Source;
        if (FirstErrorToken(tokens, first, last) is { } bad)
            return new(null, [LexicalError(source, bad)]);

        var (depth, offender) = NestingCheck.Measure(tokens, first, last);
        if (offender >= 0)
            return new(null, [TooDeep(source, tokens.Tokens[offender])]);

        Outcome<T> Run()
        {
            try
            {
                var (tree, error) = ParseTree(fast, first, last, entry);
                if (error is not null)
                {
                    var diagnostic = (error.Offending.TokenIndex == 0 && describeFirstTokenError is not null ? describeFirstTokenError(error) : null)
                        ?? Describe(tokens, error, endOfInput);
                    return new(null, [diagnostic]);
                }
                var builder = new SyntaxTreeBuilder(source, options, steps);
                var syntax = build(builder, tree!);
                return new(builder.Failed ? null : syntax, builder.Diagnostics);
            }
            catch (InsufficientExecutionStackException)
            {
                return new(null, [TooDeep(source, tokens.Tokens[first])]);
            }
        }

        return depth > CallerStackDepth ? DeepStack.Run(Run) : Run();
    }

    private static (TContext? Tree, SyntaxError? Error) ParseTree<TContext>(FastParser fast, int first, int last, Func<G.CwfParser, TContext> entry)
        where TContext : ParserRuleContext
    {
        if (fast.TryParse(first, last, entry) is { } parsed) return (parsed, null);

        var range = fast.Tokens.Tokens.GetRange(first, last - first + 1);
        var parser = new G.CwfParser(new CommonTokenStream(new ListTokenSource(range)));
        parser.RemoveErrorListeners();
        var listener = new SyntaxErrorListener();
        parser.AddErrorListener(listener);
        parser.Interpreter.PredictionMode = PredictionMode.LL;
        parser.ErrorHandler = new DefaultErrorStrategy();
        var tree = entry(parser);
        return listener.First is { } error ? (null, error) : (tree, null);
    }

    private static IToken? FirstErrorToken(TokenList tokens, int first, int last)
    {
        for (int i = first; i <= last; i++)
            if (TokenFacts.IsErrorToken(tokens.Type(i))) return tokens.Tokens[i];
        return null;
    }

    private static Diagnostic LexicalError(SourceText source, IToken token)
    {
        var span = TokenList.SpanOf(token);
        var at = new SourceLocation(source, new TextSpan(span.Start, Math.Min(span.Length, 1)));
        return token.Type switch
        {
            G.CwfLexer.UNTERMINATED_BLOCK_COMMENT => Diagnostic.Create(DiagnosticCodes.UnterminatedComment, at,
                "this /* comment is never closed", "end it with */"),
            G.CwfLexer.UNTERMINATED_TRIPLE_STRING => Diagnostic.Create(DiagnosticCodes.UnterminatedString, at,
                "this \"\"\" string is never closed", "end it with \"\"\""),
            G.CwfLexer.UNTERMINATED_STRING => Diagnostic.Create(DiagnosticCodes.UnterminatedString, at,
                $"this {QuoteName(token.Text[0])} is not closed on its line",
                token.Text[0] == '"' ? "close it with \"; for text over several lines use \"\"\"...\"\"\"" : $"close it with {token.Text[0]}; a quote inside is written twice ({token.Text[0]}{token.Text[0]})"),
            _ => Diagnostic.Create(DiagnosticCodes.UnexpectedCharacter, at, $"unexpected character '{token.Text}'" + CharacterCode(token.Text),
                token.Text == "!" ? "write 'not' or '!=' " : token.Text == "$" ? "$a, $b, $c only mean something inside sql \"...\" text" : ""),
        };
    }

    private static string QuoteName(char quote) => quote switch
    {
        '\'' => "string",
        '"' => "quoted name or string",
        _ => "quoted name",
    };

    private static string CharacterCode(string text) =>
        text.Length == 1 && (char.IsControl(text[0]) || char.IsWhiteSpace(text[0])) ? $" (U+{(int)text[0]:X4})" : "";

    private static Diagnostic TooDeep(SourceText source, IToken token) =>
        Diagnostic.Create(DiagnosticCodes.TooComplex, new SourceLocation(source, TokenList.SpanOf(token)),
            $"this expression nests more than {SyntaxLimits.MaxExpressionDepth} levels deep (parentheses, case, not)",
            "simplify it, or split it into several derive steps");

    private static Diagnostic Describe(TokenList tokens, SyntaxError error, string endOfInput)
    {
        var source = tokens.Source;
        var token = error.Offending;
        var span = token.Type == TokenConstants.EOF
            ? new TextSpan(Math.Max(0, token.StartIndex), 0)
            : TokenList.SpanOf(token);
        var at = new SourceLocation(source, span);
        var found = SyntaxError.Describe(token, endOfInput);
        return error.IsMissing
            ? Diagnostic.Create(DiagnosticCodes.MissingToken, at, $"missing {error.DescribeExpected()} before {found}")
            : Diagnostic.Create(DiagnosticCodes.UnexpectedToken, at, $"unexpected {found}; expected {error.DescribeExpected()}", UnitSpellings.Hint(tokens, token) ?? "");
    }
}
