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
internal sealed class StatementStream(SourceText source, StepVocabulary? steps)
{
    // How far the splitter looks past a token (StatementSplitter.StartsStatement reads up to i + 2).
    private const int Lookahead = 3;

    private readonly FastLexer _lexer = FastLexer.Open(source);
    private bool _started;

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
        // The lexer's buffer: the previous statement's last token (after the first statement), this statement's tokens
        // and the lookahead. The splitter and the parsers read it as they read a whole file's list.
        var buffer = new TokenList(source, tokens, _lexer.Comments);
        int depth = StatementSplitter.Depth(0, tokens[first].Type), end = first + 1;
        for (; ; end++)
        {
            if (!Fill(end + Lookahead)) return null;
            if (end >= tokens.Count || StatementSplitter.StartsStatement(buffer, end, depth)) break;
            depth = StatementSplitter.Depth(depth, tokens[end].Type);
        }
        // The parsers read tokens [first, end - 1] in place (the lookahead after them, as a whole file's list has its next statement).
        var statement = new StatementParser(buffer, steps, Diagnostics).Parse(first, end - 1);
        // Keep the statement's last token for the next; the comments are no binder's concern. The statement holds no
        // token, so the lexer reuses the others for the statements after it.
        _lexer.Release(end - 1);
        _started = true;
        return statement;
    }

    private bool Fill(int count)
    {
        if (_lexer.Fill(count)) return true;
        NeedsWholeText = true;
        return false;
    }
}
