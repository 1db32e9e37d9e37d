using System.Text;

namespace Cwf.Emit;

/// <summary>
/// Clearing and shortening a builder reused text after text (a query, then the next) without the copy StringBuilder
/// makes: setting its Length below its last chunk copies the chunks it keeps into one array of up to 1.2 times the
/// old length, to keep the capacity. Past 35,000 characters that array is on the large-object heap (85,000 bytes),
/// which a 100,000-step emission paid several times a compile (4.8 MB for a 2-million-character WHERE clause), each
/// large allocation bringing a full collection nearer. Likewise a long text appended at once gets a chunk of its own
/// length, where pieces fill chunks of at most 8,000 characters.
/// </summary>
internal static class ScratchText
{
    /// <summary>The longest text cleared in place: the copy Clear makes of it (1.2 × 35,000 characters, 2 bytes each) is a small object.</summary>
    internal const int ClearedInPlace = 35_000;

    /// <summary>
    /// <paramref name="builder"/> emptied, or a new builder where emptying it would copy a large array: the old one's
    /// chunks (8,000 characters at most each) are small objects, let go.
    /// </summary>
    public static StringBuilder Cleared(StringBuilder builder) => builder.Length <= ClearedInPlace ? builder.Clear() : new StringBuilder();

    /// <summary>The most characters appended at once: StringBuilder's own largest chunk, a small object.</summary>
    internal const int Piece = 8_000;

    /// <summary>Appends <paramref name="text"/> in pieces: StringBuilder gives text longer than the room left a chunk of the whole rest's length.</summary>
    public static void Append(StringBuilder builder, ReadOnlySpan<char> text)
    {
        for (; text.Length > Piece; text = text[Piece..]) builder.Append(text[..Piece]);
        builder.Append(text);
    }

    /// <summary>Shortens <paramref name="builder"/> to <paramref name="length"/> characters; Remove never copies its chunks together as the Length setter does.</summary>
    public static void Truncate(StringBuilder builder, int length) => builder.Remove(length, builder.Length - length);
}
