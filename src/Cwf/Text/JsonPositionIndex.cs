using System.Text;
using System.Text.Json;

namespace Cwf.Text;

/// <summary>
/// Maps JSON pointers (<c>/nodes/3/data/inputs/2/value</c>) to line:column positions in a JSON
/// file, so that diagnostics about catalog and canvas values point at the exact place.
/// Built with one forward scan of the document (no recursion).
/// </summary>
public sealed class JsonPositionIndex
{
    private readonly Dictionary<string, LinePosition> _positions;

    private JsonPositionIndex(Dictionary<string, LinePosition> positions) => _positions = positions;

    public static JsonPositionIndex Empty { get; } = new([]);

    /// <summary>The position of the value at a pointer, or of its closest ancestor that has one.</summary>
    public LinePosition? Find(string pointer)
    {
        for (var p = pointer; ; p = p[..p.LastIndexOf('/')])
        {
            if (_positions.TryGetValue(p, out var position)) return position;
            if (p.Length == 0) return null;
        }
    }

    /// <summary>Indexes a document; returns <see cref="Empty"/> for malformed JSON (report that separately).</summary>
    public static JsonPositionIndex Build(SourceText source)
    {
        var bytes = Encoding.UTF8.GetBytes(source.Text);
        var positions = new Dictionary<string, LinePosition>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        // One frame per open container: its pointer, whether it is an array, and the next index / pending property.
        var frames = new Stack<(string Pointer, bool IsArray, int Index, string? Property)>();
        int charOffset = 0;
        long byteOffset = 0;
        try
        {
            while (reader.Read())
            {
                long start = reader.TokenStartIndex;
                charOffset += Encoding.UTF8.GetCharCount(bytes, (int)byteOffset, (int)(start - byteOffset));
                byteOffset = start;
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    var top = frames.Pop();
                    // A name without a UTF-16 value (readers report it) is indexed as written.
                    var name = reader.ValueIsEscaped && !JsonStrings.IsDecodable(reader.ValueSpan) ? JsonStrings.AsWritten(reader.ValueSpan) : reader.GetString();
                    frames.Push(top with { Property = name });
                    continue;
                }
                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    frames.Pop();
                    continue;
                }
                string pointer = "";
                if (frames.Count > 0)
                {
                    var top = frames.Pop();
                    string segment = top.IsArray ? top.Index.ToString() : Escape(top.Property ?? "");
                    pointer = top.Pointer + "/" + segment;
                    frames.Push(top.IsArray ? top with { Index = top.Index + 1 } : top with { Property = null });
                }
                positions.TryAdd(pointer, source.GetPosition(charOffset));
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    frames.Push((pointer, reader.TokenType == JsonTokenType.StartArray, 0, null));
            }
        }
        catch (JsonException)
        {
            return Empty;
        }
        return new JsonPositionIndex(positions);
    }

    /// <summary>RFC 6901 escaping of one pointer segment.</summary>
    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");
}
