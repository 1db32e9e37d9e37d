using System.Text;
using System.Text.Json;

namespace Cwf.Text;

/// <summary>
/// Maps JSON pointers (<c>/nodes/3/data/inputs/2/value</c>) to line:column positions in a JSON
/// file, so that diagnostics about catalog and canvas values point at the exact place.
/// Built with one forward scan of the document (no recursion). Every value is an entry keyed by
/// its container's entry and its index or (shared) member name, holding its character offset: a
/// canvas of 100,000 nodes has millions of values, and a pointer string per value made the index
/// the largest and slowest part of reading one (issue 14). Lines are found only when asked.
/// </summary>
public sealed class JsonPositionIndex
{
    private const int Root = 0;

    private readonly SourceText? _source;
    // The entry of each value inside a container, by (container entry, array index or -1, member name or null).
    private readonly Dictionary<(int Container, int Index, string? Name), int> _children;
    // By entry: the value's character offset, and whether it is an array (its children are then found by index).
    private readonly List<int> _offsets;
    private readonly List<bool> _isArray;

    private JsonPositionIndex(SourceText? source, Dictionary<(int, int, string?), int> children, List<int> offsets, List<bool> isArray)
    {
        _source = source;
        _children = children;
        _offsets = offsets;
        _isArray = isArray;
    }

    public static JsonPositionIndex Empty { get; } = new(null, [], [], []);

    /// <summary>The position of the value at a pointer, or of its closest ancestor that has one.</summary>
    public LinePosition? Find(string pointer)
    {
        if (_source is null || _offsets.Count == 0) return null;
        int entry = Root;
        int start = 0;
        while (start < pointer.Length && pointer[start] == '/')
        {
            int end = pointer.IndexOf('/', start + 1);
            if (end < 0) end = pointer.Length;
            var segment = pointer.AsSpan(start + 1, end - start - 1);
            if (Child(entry, segment) is not { } child) break;
            entry = child;
            start = end;
        }
        return _source.GetPosition(_offsets[entry]);
    }

    private int? Child(int container, ReadOnlySpan<char> segment)
    {
        if (_isArray[container])
            return IsArrayIndex(segment) && int.TryParse(segment, out int index) && _children.TryGetValue((container, index, null), out int element) ? element : null;
        string name = segment.Contains('~') ? segment.ToString().Replace("~1", "/").Replace("~0", "~") : segment.ToString();
        return _children.TryGetValue((container, -1, name), out int member) ? member : null;
    }

    // RFC 6901: an array index is 0 or digits without a leading zero.
    private static bool IsArrayIndex(ReadOnlySpan<char> segment) =>
        segment.Length > 0 && (segment.Length == 1 || segment[0] != '0') && !segment.ContainsAnyExceptInRange('0', '9');

    /// <summary>Indexes a document; returns <see cref="Empty"/> for malformed JSON (report that separately).</summary>
    public static JsonPositionIndex Build(SourceText source)
    {
        var bytes = Encoding.UTF8.GetBytes(source.Text);
        var children = new Dictionary<(int, int, string?), int>();
        var offsets = new List<int>();
        var isArray = new List<bool>();
        // Member names repeat (every node has "name", "type", "inputs"...): one string each.
        var names = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        // One frame per open container: its entry, the next index (arrays) and the pending member name (objects).
        var frames = new Stack<(int Entry, int Index, string? Property)>();
        int charOffset = 0;
        long byteOffset = 0;
        var buffer = new char[128];
        try
        {
            while (reader.Read())
            {
                long start = reader.TokenStartIndex;
                charOffset += Encoding.UTF8.GetCharCount(bytes.AsSpan((int)byteOffset, (int)(start - byteOffset)));
                byteOffset = start;
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    var top = frames.Pop();
                    frames.Push(top with { Property = MemberName(ref reader, names, buffer) });
                    continue;
                }
                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    frames.Pop();
                    continue;
                }
                int entry = offsets.Count;
                offsets.Add(charOffset);
                isArray.Add(reader.TokenType == JsonTokenType.StartArray);
                if (frames.Count > 0)
                {
                    var top = frames.Pop();
                    bool inArray = isArray[top.Entry];
                    children.TryAdd(inArray ? (top.Entry, top.Index, null) : (top.Entry, -1, top.Property ?? ""), entry);
                    frames.Push(inArray ? top with { Index = top.Index + 1 } : top with { Property = null });
                }
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    frames.Push((entry, 0, null));
            }
        }
        catch (JsonException)
        {
            return Empty;
        }
        return new JsonPositionIndex(source, children, offsets, isArray);
    }

    // A name without a UTF-16 value (readers report it) is indexed as written.
    private static string MemberName(ref Utf8JsonReader reader, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> names, Span<char> buffer)
    {
        if (reader.ValueIsEscaped && !JsonStrings.IsDecodable(reader.ValueSpan)) return JsonStrings.AsWritten(reader.ValueSpan);
        if (reader.ValueSpan.Length > buffer.Length) return reader.GetString()!;
        var name = buffer[..reader.CopyString(buffer)];
        if (names.TryGetValue(name, out var shared)) return shared;
        var text = name.ToString();
        names.Dictionary[text] = text;
        return text;
    }

    /// <summary>RFC 6901 escaping of one pointer segment.</summary>
    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");
}
