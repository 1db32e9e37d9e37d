using Antlr4.Runtime;
using Antlr4.Runtime.Misc;

namespace Cwf.Syntax.Internal;

/// <summary>
/// The program text as ANTLR's character input, read from the string itself: <c>AntlrInputStream</c> first copies the
/// whole text into an array of its own (two bytes a character, every compile). <see cref="FastLexer"/>'s tokens read
/// their text from it (<see cref="GetText"/>, as from ANTLR's input); the rest is the plain stream contract.
/// </summary>
internal sealed class StringCharStream(string text) : ICharStream
{
    private int _index;

    public int Index => _index;

    public int Size => text.Length;

    public string SourceName => IntStreamConstants.UnknownSourceName;

    public void Consume()
    {
        if (_index >= text.Length) throw new InvalidOperationException("cannot consume EOF");
        _index++;
    }

    public int LA(int i)
    {
        if (i == 0) return 0;
        int at = i > 0 ? _index + i - 1 : _index + i;
        return at >= 0 && at < text.Length ? text[at] : IntStreamConstants.EOF;
    }

    public int Mark() => -1;

    public void Release(int marker)
    {
    }

    public void Seek(int index) => _index = Math.Clamp(index, 0, text.Length);

    // As AntlrInputStream.GetText: the characters [a, b], cut at the end of the text.
    public string GetText(Interval interval)
    {
        int start = interval.a, stop = Math.Min(interval.b, text.Length - 1);
        return start >= text.Length ? "" : text.Substring(start, stop - start + 1);
    }
}
