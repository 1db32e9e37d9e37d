using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
using G = Cwf.Syntax.Generated;

namespace Cwf.Syntax.Internal;

/// <summary>
/// The first, fast parse of a range of tokens: SLL prediction with an error strategy that gives up
/// at the first problem (then <see cref="RangeParser"/> parses the range again, reporting). One parser
/// and one input serve every range of a file, so a statement costs its parse tree and nothing more.
/// </summary>
internal sealed class FastParser
{
    private readonly TokenRange _input;
    private readonly G.CwfParser _parser;

    public FastParser(TokenList tokens)
    {
        Tokens = tokens;
        _input = new TokenRange(tokens);
        _parser = new G.CwfParser(_input);
        _parser.RemoveErrorListeners();
        _parser.Interpreter.PredictionMode = PredictionMode.SLL;
        _parser.ErrorHandler = new BailErrorStrategy();
    }

    public TokenList Tokens { get; }

    /// <summary>The parse tree of tokens [first, last] from <paramref name="entry"/>, or null when the fast parse gave up.</summary>
    public TContext? TryParse<TContext>(int first, int last, Func<G.CwfParser, TContext> entry) where TContext : ParserRuleContext
    {
        _input.Reset(first, last);
        // Setting the input resets the parser (its context, its error strategy, its prediction state).
        _parser.TokenStream = _input;
        try
        {
            return entry(_parser);
        }
        catch (ParseCanceledException)
        {
            return null;
        }
    }
}
