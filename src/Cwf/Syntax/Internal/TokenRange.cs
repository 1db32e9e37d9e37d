using System.Text;
using Antlr4.Runtime;
using Antlr4.Runtime.Misc;

namespace Cwf.Syntax.Internal;

/// <summary>
/// The tokens [first, last] of a <see cref="TokenList"/> as a parser's input, read in place and
/// followed by an end-of-file token. ANTLR's <c>CommonTokenStream</c> over a <c>ListTokenSource</c>
/// copies the range and then buffers it again; this reads the lexed list itself, and one instance
/// serves every statement of a file (<see cref="Reset"/>). It numbers the tokens of the range from 0,
/// as that stream does, and has no hidden-channel tokens to skip (the list holds none).
/// </summary>
internal sealed class TokenRange(TokenList tokens) : ITokenStream
{
    private readonly List<IToken> _tokens = tokens.Tokens;
    private int _first;
    private int _count;
    private int _index;
    private IToken _eof = null!;
    private ListTokenSource? _source;

    /// <summary>Makes the stream read tokens [first, last] from the start.</summary>
    public void Reset(int first, int last)
    {
        _first = first;
        _count = last - first + 1;
        _index = 0;
        for (int i = 0; i < _count; i++) ((IWritableToken)_tokens[first + i]).TokenIndex = i;
        // Where ListTokenSource puts it: just after the range's last token.
        int start = _tokens[last].StopIndex + 1;
        _eof = new CommonToken(TokenConstants.EOF) { StartIndex = start, StopIndex = start - 1, TokenIndex = _count };
    }

    public IToken LT(int k)
    {
        if (k == 0) return null!;
        int i = k > 0 ? _index + k - 1 : _index + k;
        if (i < 0) return null!;
        return Get(i);
    }

    public IToken Get(int i) => i < _count ? _tokens[_first + i] : _eof;

    public int LA(int i) => LT(i)?.Type ?? TokenConstants.InvalidType;

    public void Consume()
    {
        if (LA(1) == TokenConstants.EOF) throw new InvalidOperationException("cannot consume EOF");
        _index++;
    }

    public int Mark() => -1;

    public void Release(int marker)
    {
    }

    public int Index => _index;

    public void Seek(int index) => _index = Math.Clamp(index, 0, _count);

    public int Size => _count + 1;

    public string SourceName => tokens.Source.Path ?? IntStreamConstants.UnknownSourceName;

    public ITokenSource TokenSource => _source ??= new ListTokenSource(_tokens);

    public string GetText(Interval interval)
    {
        var text = new StringBuilder();
        for (int i = Math.Max(0, interval.a); i <= interval.b && i < _count; i++) text.Append(_tokens[_first + i].Text);
        return text.ToString();
    }

    public string GetText() => GetText(Interval.Of(0, _count - 1));

    public string GetText(RuleContext ctx) => GetText(ctx.SourceInterval);

    public string GetText(IToken start, IToken stop) =>
        start is null || stop is null ? "" : GetText(Interval.Of(start.TokenIndex, stop.TokenIndex));
}
