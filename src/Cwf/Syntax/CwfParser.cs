using Antlr4.Runtime;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax.Internal;
using Cwf.Text;
using G = Cwf.Syntax.Generated;

namespace Cwf.Syntax;

/// <summary>
/// The .cwf parser: text in, syntax tree and diagnostics out. Never throws on any input.
/// <list type="bullet">
/// <item><see cref="ParseProgram"/>: a whole .cwf file. Each statement is parsed on its own, so
/// independent mistakes are all reported (one per statement) and a broken statement is kept as
/// <see cref="ErroneousStatementSyntax"/>.</item>
/// <item><see cref="ParseExpression"/> and <see cref="ParseSelectList"/>: SQL fragments, as
/// found in canvas StringSql inputs.</item>
/// </list>
/// </summary>
public static class CwfParser
{
    /// <summary>A whole .cwf program.</summary>
    /// <param name="steps">
    /// The keywords of the steps written in the generic form that the program may use (the component
    /// catalog's, <c>ComponentCatalog.Default.Steps</c>); without it, only the grammar's own steps are known.
    /// </param>
    public static ParseResult<ProgramSyntax> ParseProgram(SourceText source, StepVocabulary? steps = null) =>
        Guard(source, () => ParseProgramCore(source, steps), () => new ProgramSyntax([]) { Source = source });

    public static ParseResult<ExpressionSyntax> ParseExpression(SourceText source, ExpressionParseOptions? options = null) =>
        Guard(source, () => ParseFragment(source, options, p => p.expressionEntry(), (b, c) => b.TopExpression(c.expression())), () => null);

    /// <summary>A select list, with or without a leading <c>select</c>: <c>a, b as c, x + 1 as d, *</c>.</summary>
    public static ParseResult<SelectListSyntax> ParseSelectList(SourceText source, ExpressionParseOptions? options = null) =>
        Guard(source, () => ParseFragment(source, options, p => p.selectListEntry(),
            (b, c) => b.SelectList(c.selectItem(), new TextSpan(0, source.Text.Length))), () => null);

    private static ParseResult<ProgramSyntax> ParseProgramCore(SourceText source, StepVocabulary? steps)
    {
        var tokens = TokenList.Lex(source);
        var chunks = StatementSplitter.Split(tokens);
        var trivia = new TriviaAttacher(tokens);
        var diagnostics = new List<Diagnostic>();
        var parser = new StatementParser(tokens, steps, diagnostics);
        var statements = new List<StatementSyntax>(chunks.Count);
        for (int k = 0; k < chunks.Count; k++)
        {
            var (first, last) = chunks[k];
            int nextStart = k + 1 < chunks.Count ? tokens.Tokens[chunks[k + 1].First].StartIndex : int.MaxValue;
            statements.Add(trivia.Attach(parser.Parse(first, last), first, last, nextStart));
        }
        var program = new ProgramSyntax(statements.ToSeq())
        {
            Source = source,
            Span = new TextSpan(0, source.Text.Length),
            TrailingComments = trivia.Remaining(),
        };
        return new ParseResult<ProgramSyntax>(program, [.. diagnostics]);
    }

    private static ParseResult<T> ParseFragment<TContext, T>(SourceText source, ExpressionParseOptions? options,
        Func<G.CwfParser, TContext> entry, Func<SyntaxTreeBuilder, TContext, T> build)
        where TContext : ParserRuleContext
        where T : class
    {
        var tokens = TokenList.Lex(source);
        if (tokens.Count == 0)
            return new(null, [Diagnostic.Create(DiagnosticCodes.UnexpectedToken, new SourceLocation(source, new TextSpan(0, 0)),
                "the expression is empty")]);
        var outcome = RangeParser.Parse(new FastParser(tokens), 0, tokens.Count - 1, entry, build, options ?? ExpressionParseOptions.Default, "end of the expression");
        return new(outcome.Syntax, [.. outcome.Diagnostics]);
    }

    // The parser never throws on user input; an exception here is a compiler bug, reported as one.
    private static ParseResult<T> Guard<T>(SourceText source, Func<ParseResult<T>> parse, Func<T?> fallback) where T : class
    {
        try
        {
            return parse();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var diagnostic = Diagnostic.Create(DiagnosticCodes.InternalError, new FileLocation(source.Path),
                $"internal error while parsing: {e.GetType().Name}: {e.Message}", "please report this with the input that caused it");
            return new ParseResult<T>(fallback(), [diagnostic]);
        }
    }
}
