using System.Text;

namespace Cwf.Emit;

/// <summary>
/// Where <see cref="SqlBlock.WriteTo{T}"/> writes: a builder, a count of the characters (to make the
/// script's string at its final length), or that string's characters. The writes are the same for
/// each, so the count is the length of the text, and the text is written once, in place.
/// </summary>
internal interface ISqlText
{
    void Append(char c);
    void Append(char c, int repeat);
    void Append(string text);
    void Append(ReadOnlySpan<char> text);

    /// <summary>Characters kept one byte each (<see cref="StoredSql"/>), widened as they are written.</summary>
    void AppendLatin1(ReadOnlySpan<byte> text);

    /// <summary>Takes back the last character written (a line's line break, to add a suffix to the line).</summary>
    void DropLast();
}

internal readonly struct BuilderText(StringBuilder builder) : ISqlText
{
    public void Append(char c) => builder.Append(c);
    public void Append(char c, int repeat) => builder.Append(c, repeat);
    public void Append(string text) => ScratchText.Append(builder, text);
    public void Append(ReadOnlySpan<char> text) => ScratchText.Append(builder, text);

    public void AppendLatin1(ReadOnlySpan<byte> text)
    {
        Span<char> chars = stackalloc char[256];
        while (!text.IsEmpty)
        {
            int count = Encoding.Latin1.GetChars(text[..Math.Min(text.Length, chars.Length)], chars);
            builder.Append(chars[..count]);
            text = text[count..];
        }
    }

    public void DropLast() => ScratchText.Truncate(builder, builder.Length - 1);
}

/// <summary>The number of characters a text would have: nothing is written.</summary>
internal struct TextLength : ISqlText
{
    public int Length { get; private set; }
    public void Append(char c) => Length++;
    public void Append(char c, int repeat) => Length += repeat;
    public void Append(string text) => Length += text.Length;
    public void Append(ReadOnlySpan<char> text) => Length += text.Length;
    public void AppendLatin1(ReadOnlySpan<byte> text) => Length += text.Length;
    public void DropLast() => Length--;
}

/// <summary>Characters written into a span of exactly their length (a string being made by <see cref="string.Create{TState}"/>).</summary>
internal ref struct SpanText(Span<char> span) : ISqlText
{
    private readonly Span<char> _span = span;
    private int _length;

    public readonly bool IsFull => _length == _span.Length;
    public void Append(char c) => _span[_length++] = c;

    public void Append(char c, int repeat)
    {
        _span.Slice(_length, repeat).Fill(c);
        _length += repeat;
    }

    public void Append(string text) => Append(text.AsSpan());

    public void Append(ReadOnlySpan<char> text)
    {
        text.CopyTo(_span[_length..]);
        _length += text.Length;
    }

    public void AppendLatin1(ReadOnlySpan<byte> text) => _length += Encoding.Latin1.GetChars(text, _span[_length..]);

    public void DropLast() => _length--;
}
