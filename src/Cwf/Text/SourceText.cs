using System.Collections.Immutable;

namespace Cwf.Text;

/// <summary>
/// The text of one input file with its line starts, so that spans can be turned into
/// line:column positions and the offending line can be shown under a diagnostic.
/// </summary>
public sealed class SourceText
{
    private readonly ImmutableArray<int> _lineStarts;

    public SourceText(string path, string text)
    {
        Path = path;
        Text = text;
        _lineStarts = ComputeLineStarts(text);
    }

    public string Path { get; }
    public string Text { get; }
    public int LineCount => _lineStarts.Length;

    public static SourceText From(string text, string path = "<input>") => new(path, text);

    /// <summary>1-based line and column of a character offset (clamped to the text).</summary>
    public LinePosition GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        int line = FindLine(offset);
        return new LinePosition(line + 1, offset - _lineStarts[line] + 1);
    }

    /// <summary>Character offset of a 1-based line and column (clamped to the text).</summary>
    public int GetOffset(int line, int column)
    {
        int index = Math.Clamp(line - 1, 0, _lineStarts.Length - 1);
        return Math.Min(Text.Length, _lineStarts[index] + Math.Max(0, column - 1));
    }

    /// <summary>The text of a 1-based line without its line break.</summary>
    public string GetLineText(int line) => ToString(GetLineSpan(line));

    /// <summary>The span of a 1-based line without its line break (empty outside the text), found without copying the line.</summary>
    public TextSpan GetLineSpan(int line)
    {
        int index = line - 1;
        if (index < 0 || index >= _lineStarts.Length) return new TextSpan(Text.Length, 0);
        int start = _lineStarts[index];
        int end = index + 1 < _lineStarts.Length ? _lineStarts[index + 1] : Text.Length;
        while (end > start && Text[end - 1] is '\r' or '\n') end--;
        return TextSpan.FromBounds(start, end);
    }

    public string ToString(TextSpan span) =>
        Text.Substring(Math.Clamp(span.Start, 0, Text.Length), Math.Clamp(span.Length, 0, Text.Length - Math.Clamp(span.Start, 0, Text.Length)));

    private int FindLine(int offset)
    {
        int index = _lineStarts.BinarySearch(offset);
        return index >= 0 ? index : ~index - 1;
    }

    private static ImmutableArray<int> ComputeLineStarts(string text)
    {
        var starts = ImmutableArray.CreateBuilder<int>();
        starts.Add(0);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue;
            if (c == '\n' || c == '\r') starts.Add(i + 1);
        }
        return starts.ToImmutable();
    }
}
