using Cwf.Diagnostics;
using Cwf.Text;

namespace Cwf.Canvas;

/// <summary>
/// Where the canvas JSON sits in the file that was read, so diagnostics point at the file's own
/// lines: the canvas may be the whole file, the <c>config</c> member of a CLI bundle, or a JSON
/// string embedded in a generated SQL file's leading comment (then offsets go through a map).
/// </summary>
public sealed class CanvasText
{
    private readonly JsonPositionIndex _index;
    private readonly int[]? _offsetMap;

    /// <param name="file">The file as read.</param>
    /// <param name="json">The JSON document the canvas is part of (the file itself, or the decoded embedded string).</param>
    /// <param name="pointerPrefix">Pointer of the canvas object inside <paramref name="json"/> ("" or "/config").</param>
    /// <param name="offsetMap">For embedded JSON: file offset of each character of <paramref name="json"/> (plus one past the end).</param>
    public CanvasText(SourceText file, SourceText json, string pointerPrefix, int[]? offsetMap)
    {
        File = file;
        Json = json;
        PointerPrefix = pointerPrefix;
        _offsetMap = offsetMap;
        _index = JsonPositionIndex.Build(json);
    }

    public SourceText File { get; }
    public SourceText Json { get; }
    public string PointerPrefix { get; }

    /// <summary>Line and column in the file of the value at a canvas-relative pointer (or its closest ancestor).</summary>
    public LinePosition? PositionOf(string pointer) =>
        _index.Find(PointerPrefix + pointer) is { } p ? ToFilePosition(p) : null;

    /// <summary>
    /// Line and column in the file of character <paramref name="index"/> of the (decoded) string value at
    /// <paramref name="pointer"/>, looking through the escapes of its JSON literal; null when the value is not a string.
    /// </summary>
    public LinePosition? PositionInString(string pointer, int index)
    {
        if (_index.Find(PointerPrefix + pointer) is not { } start) return null;
        int quote = Json.GetOffset(start.Line, start.Column);
        if (EmbeddedJsonString.Decode(Json.Text, quote) is not var (_, map)) return null;
        return ToFilePosition(Json.GetPosition(map[Math.Clamp(index, 0, map.Length - 1)]));
    }

    /// <summary>Turns a position in <see cref="Json"/> into a position in the file.</summary>
    public LinePosition ToFilePosition(LinePosition inJson)
    {
        if (_offsetMap is null) return inJson;
        int offset = Math.Clamp(Json.GetOffset(inJson.Line, inJson.Column), 0, _offsetMap.Length - 1);
        return File.GetPosition(_offsetMap[offset]);
    }

    /// <summary>A location at a canvas-relative pointer, naming the node and input concerned.</summary>
    public CanvasLocation At(string pointer, CanvasNode? node = null, string? input = null) =>
        new(File.Path, node?.Id, node is null ? null : node.DisplayLabel, input, PointerPrefix + pointer, PositionOf(pointer));

    /// <summary>A location for a node known only by id (an edge end that may not exist).</summary>
    public CanvasLocation At(string pointer, string? nodeId, string? nodeLabel, string? input) =>
        new(File.Path, nodeId, nodeLabel, input, PointerPrefix + pointer, PositionOf(pointer));
}
