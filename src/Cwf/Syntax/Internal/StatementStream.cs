using Antlr4.Runtime;
using Cwf.Diagnostics;
using Cwf.Text;

namespace Cwf.Syntax.Internal;

/// <summary>
/// A program read one statement at a time, for a caller that binds each statement and lets it go: the
/// text is lexed as the statements are read, so neither the whole token list nor the whole syntax tree
/// is ever alive. The statements and their diagnostics are those <see cref="CwfParser.ParseProgram"/>
/// gives, without the comments (nothing that binds reads them). Only text <see cref="FastLexer"/> lexes is
/// read here (nearly every program): at anything else <see cref="Next"/> stops with
/// <see cref="NeedsWholeText"/> set, and the caller parses the whole text instead.
/// </summary>
internal sealed class StatementStream : IStatementFeed
{
    // How far the splitter looks past a token (StatementSplitter.StartsStatement reads up to i + 2).
    private const int Lookahead = 3;
    // The tokens a long statement's direct parse lets go at a time.
    private const int DropBatch = 256;

    private readonly FastLexer _lexer;
    // The lexer's buffer: the previous statement's last token (after the first statement), this statement's tokens
    // and the lookahead. The splitter and the parsers read it as they read a whole file's list; one parser serves
    // every statement.
    private readonly TokenList _buffer;
    private readonly StatementParser _parser;
    private bool _started;
    // The statement being read: tokens [first, _scanned) are its own; _found once the token _scanned is known to start
    // the next one (or the text ends). _dropped tokens were let go by the direct parse, so token i is the buffer's item
    // i - _dropped. _restart is where the lexer reads the statement again from if the grammar must read it whole.
    private int _scanned;
    private int _depth;
    private bool _found;
    private int _dropped;
    private (int At, int Line, int LineStart) _restart;

    public StatementStream(SourceText source, StepVocabulary? steps)
    {
        _lexer = FastLexer.Open(source);
        _buffer = new TokenList(source, _lexer.Tokens, _lexer.Comments);
        _parser = new StatementParser(_buffer, steps, Diagnostics);
    }

    /// <summary>The syntax errors of the statements read so far, in order.</summary>
    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>The text needs ANTLR's lexer: parse it whole (<see cref="CwfParser.ParseProgram"/>).</summary>
    public bool NeedsWholeText { get; private set; }

    /// <summary>The next statement, or null at the end of the program (or when <see cref="NeedsWholeText"/>).</summary>
    public StatementSyntax? Next()
    {
        var tokens = _lexer.Tokens;
        // Token 0 is the previous statement's last (the unit hint and the splitter read the token before a statement).
        int first = _started ? 1 : 0;
        if (!Fill(first + Lookahead) || tokens.Count <= first) return null;
        Begin(first);
        // The direct parse reads the statement as the lexer reads on (a long pipeline's tokens go as it is read); the
        // grammar reads it whole, from the tokens [first, end - 1] in place (the lookahead after them, as a whole file's
        // list has its next statement).
        var statement = _parser.TryDirect(first, this);
        if (statement is null && !NeedsWholeText)
        {
            if (_dropped > 0)
            {
                // Read again from the token before the statement what the direct parse let go.
                _lexer.Rewind(_restart.At, _restart.Line, _restart.LineStart);
                if (!Fill(first + Lookahead)) return null;
                Begin(first);
            }
            int end = first + 1;
            ((IStatementFeed)this).Reaches(int.MaxValue, ref end);
            if (!NeedsWholeText) statement = _parser.ParseWithGrammar(first, end - 1);
        }
        if (NeedsWholeText) return null;
        // Keep the statement's last token for the next; the comments are no binder's concern. The statement holds no
        // token, so the lexer reuses the others for the statements after it.
        _lexer.Release(_scanned - 1 - _dropped);
        _started = true;
        return statement;
    }

    // The statement that starts at token `first`: token 0 of the buffer is where its text is read again from (Rewind).
    private void Begin(int first)
    {
        var tokens = _lexer.Tokens;
        _scanned = first + 1;
        _depth = StatementSplitter.Depth(0, tokens[first].Type);
        _found = false;
        _dropped = 0;
        var restart = tokens[0];
        // The fast lexer's tokens each lie on one line: the line starts Column characters before the token.
        _restart = first == 0 ? (0, 1, 0) : (restart.StartIndex, restart.Line, restart.StartIndex - restart.Column);
    }

    bool IStatementFeed.Reaches(int index, ref int end)
    {
        var tokens = _lexer.Tokens;
        while (!_found && _scanned <= index)
        {
            // Token _scanned is the buffer's item k: in the statement unless it starts the next one (or the text ends).
            int k = _scanned - _dropped;
            if (!Fill(k + Lookahead) || k >= tokens.Count || StatementSplitter.StartsStatement(_buffer, k, _depth)) _found = true;
            else
            {
                _depth = StatementSplitter.Depth(_depth, tokens[k].Type);
                _scanned++;
            }
        }
        end = _scanned;
        return index < _scanned;
    }

    int IStatementFeed.Drop(int count)
    {
        // Let go in batches: each release moves the tokens still buffered (the lookahead) to the buffer's start.
        if (count < DropBatch) return 0;
        _lexer.Release(count);
        _dropped += count;
        return count;
    }

    private bool Fill(int count)
    {
        if (_lexer.Fill(count)) return true;
        NeedsWholeText = true;
        return false;
    }
}
