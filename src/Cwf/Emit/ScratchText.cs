using System.Text;

namespace Cwf.Emit;

/// <summary>
/// Clearing and shortening a builder reused text after text (a query, then the next) without the copy StringBuilder
/// makes: setting its Length below its last chunk copies the chunks it keeps into one array of up to 1.2 times the
/// old length, to keep the capacity. Past 35,000 characters that array is on the large-object heap (85,000 bytes),
/// which a 100,000-step emission paid several times a compile (4.8 MB for a 2-million-character WHERE clause), each
/// large allocation bringing a full collection nearer.
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

    /// <summary>Shortens <paramref name="builder"/> to <paramref name="length"/> characters; Remove never copies its chunks together as the Length setter does.</summary>
    public static void Truncate(StringBuilder builder, int length) => builder.Remove(length, builder.Length - length);
}
