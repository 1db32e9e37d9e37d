using Cwf.LanguageServer.Protocol;
using Cwf.Text;

namespace Cwf.LanguageServer.Documents;

/// <summary>
/// LSP positions (0-based line, UTF-16 character) to and from offsets of a <see cref="SourceText"/>, whose
/// lines and columns are 1-based and count UTF-16 code units too. A position past a line's end means the
/// line's end, and one past the last line the text's end, as the protocol says.
/// </summary>
public static class PositionMap
{
    public static int ToOffset(SourceText text, Position position)
    {
        if (position.Line < 0) return 0;
        if (position.Line >= text.LineCount) return text.Text.Length;
        var line = text.GetLineSpan(position.Line + 1);
        return line.Start + Math.Clamp(position.Character, 0, line.Length);
    }

    public static Position ToPosition(SourceText text, int offset)
    {
        var p = text.GetPosition(offset);
        return new Position(p.Line - 1, p.Column - 1);
    }

    public static Protocol.Range ToRange(SourceText text, TextSpan span) =>
        new(ToPosition(text, span.Start), ToPosition(text, span.End));

    public static TextSpan ToSpan(SourceText text, Protocol.Range range)
    {
        int start = ToOffset(text, range.Start);
        return TextSpan.FromBounds(start, Math.Max(start, ToOffset(text, range.End)));
    }
}
