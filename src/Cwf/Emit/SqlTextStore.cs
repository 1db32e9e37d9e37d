using System.Text;

namespace Cwf.Emit;

/// <summary>
/// The text of the queries an emission keeps until its script is written (each step's SELECT, which every
/// statement over the step reads), one byte a character in a few arrays: a query is a segment of a
/// chunk (<see cref="StoredSql"/>), not a string of its own, so it takes half the bytes, and the collector
/// has a few arrays to keep instead of a string a step. Only text of Latin-1 characters (U+0000 to U+00FF: every
/// keyword, operator and literal the compiler writes, and most names) is kept so; other text stays a string.
/// A segment never spans two chunks.
/// </summary>
internal sealed class SqlTextStore
{
    /// <summary>The first chunk's size: an emission of a few steps keeps a small array.</summary>
    internal const int FirstChunk = 1024;

    /// <summary>
    /// The largest chunk (each next chunk is twice the last up to it); a longer text gets a chunk of its own length.
    /// Under the 85,000 bytes from which an array is a large object: at 128 KB a 100,000-step emission's chunks were
    /// 4.7 MB of large objects, whose budget spent sets off a full collection; small chunks are copied once or twice
    /// as they age instead, which costs far less than collecting the whole workflow.
    /// </summary>
    internal const int LargeChunk = 64 * 1024;

    private byte[] _chunk = [];
    private int _used;
    private int _nextChunk = FirstChunk;

    private StringBuilder _scratch = new();

    /// <summary>Where a block is written out before it is kept (<see cref="SqlBlock.Flattened"/>), empty.</summary>
    public StringBuilder Scratch() => _scratch = ScratchText.Cleared(_scratch);

    /// <summary>Keeps <paramref name="text"/> as a segment; false (and nothing kept) when it holds a character above U+00FF.</summary>
    public bool TryAdd(StringBuilder text, out StoredSql segment)
    {
        segment = default;
        foreach (var part in text.GetChunks())
            if (part.Span.ContainsAnyExceptInRange('\0', '\u00FF')) return false;
        int length = text.Length;
        if (_chunk.Length - _used < length) NewChunk(length);
        int start = _used;
        foreach (var part in text.GetChunks()) _used += Encoding.Latin1.GetBytes(part.Span, _chunk.AsSpan(_used));
        segment = new StoredSql(_chunk, start, length);
        return true;
    }

    private void NewChunk(int length)
    {
        // The rest of the last chunk is left unused: a segment is one span.
        _chunk = GC.AllocateUninitializedArray<byte>(Math.Max(_nextChunk, length));
        _used = 0;
        _nextChunk = Math.Min(_nextChunk * 2, LargeChunk);
    }
}

/// <summary>Text kept in a chunk of a <see cref="SqlTextStore"/>: <see cref="Length"/> Latin-1 characters, one byte each, from <see cref="Start"/>.</summary>
internal readonly record struct StoredSql(byte[] Chunk, int Start, int Length)
{
    public ReadOnlySpan<byte> Latin1 => Chunk.AsSpan(Start, Length);
}
