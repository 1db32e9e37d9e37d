using System.Text;
using Cwf.Emit.Scripts;

namespace Cwf.Emit;

/// <summary>
/// SQL text as lines with indentation, so that blocks nest (a query inside a CTE inside a
/// procedure) with consistent indentation. A verbatim line continues a multi-line string
/// literal of user SQL and is never re-indented, which would change the literal. A block appended
/// to another is kept whole, not copied line by line: a step's query is shared by every statement
/// that reads it, and the text is written once, at the end (<see cref="WriteTo"/>). A block is not
/// changed once appended.
/// </summary>
public sealed class SqlBlock
{
    private readonly List<Entry> _entries = [];
    private int _lineCount;
    private bool _appended;

    public bool IsEmpty => _lineCount == 0;

    /// <param name="suffix">Text written after <paramref name="text"/> (a list's comma), kept apart so that neither is copied.</param>
    public SqlBlock Line(string text, int indent = 0, string? suffix = null)
    {
        Unshared();
        _entries.Add(new Entry(text, indent, false, null, suffix));
        _lineCount++;
        return this;
    }

    /// <summary>Appends another block's lines, indented by <paramref name="indent"/> more.</summary>
    public SqlBlock Append(SqlBlock block, int indent = 0)
    {
        Unshared();
        if (block.IsEmpty) return this;
        block._appended = true;
        _entries.Add(new Entry(null, indent, false, block, null));
        _lineCount += block._lineCount;
        return this;
    }

    /// <summary>Adds text at the end of the last line (a comma, a semicolon, a closing parenthesis).</summary>
    public SqlBlock Suffix(string text)
    {
        Unshared();
        if (IsEmpty) throw new InvalidOperationException("Cannot add a suffix to an empty block.");
        // Empty blocks are not appended, so the last entry holds the last line; an appended block is
        // shared, and its suffix is kept with this block's entry for it.
        _entries[^1] = _entries[^1] with { Suffix = _entries[^1].Suffix + text };
        return this;
    }

    private void Unshared()
    {
        if (_appended) throw new InvalidOperationException("A block appended to another is not changed: the other block reads its lines.");
    }

    /// <summary>
    /// A block from SQL text written by a user (custom SQL): one line per line break in code or a
    /// comment, trailing whitespace and the common leading indentation removed. Text inside string
    /// literals and quoted names, found with the warehouse's lexical <paramref name="rules"/>, is kept
    /// byte for byte: a carriage return there is not a line break, a line that ends inside one keeps
    /// its trailing blanks, and a line that starts inside one stays verbatim (never re-indented).
    /// </summary>
    public static SqlBlock FromText(string text, SqlLexicalRules rules)
    {
        var raw = new List<(string Text, bool StartsQuoted, bool EndsQuoted)>();
        var current = new StringBuilder();
        bool startsQuoted = false;
        var segments = SqlLexer.Segment(text, rules);
        int s = 0;
        for (int i = 0; i < text.Length; i++)
        {
            while (s < segments.Count && segments[s].End <= i) s++;
            bool quoted = s < segments.Count && segments[s].Start <= i && segments[s].Kind is SqlSegmentKind.String or SqlSegmentKind.QuotedIdentifier;
            char c = text[i];
            if (quoted && c == '\n' || !quoted && c is '\r' or '\n')
            {
                if (!quoted && c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                raw.Add((current.ToString(), startsQuoted, quoted));
                current.Clear();
                startsQuoted = quoted;
            }
            else current.Append(c);
        }
        raw.Add((current.ToString(), startsQuoted, false));

        bool Blank(int n) => !raw[n].StartsQuoted && raw[n].Text.Trim().Length == 0;
        int first = 0, last = raw.Count - 1;
        while (first <= last && Blank(first)) first++;
        while (last >= first && Blank(last)) last--;
        int common = int.MaxValue;
        for (int n = first; n <= last; n++)
            if (!Blank(n) && !raw[n].StartsQuoted)
                common = Math.Min(common, raw[n].Text.Length - raw[n].Text.TrimStart().Length);
        if (common == int.MaxValue) common = 0;

        var block = new SqlBlock();
        for (int n = first; n <= last; n++)
        {
            var (line, verbatim, endsQuoted) = raw[n];
            if (!endsQuoted) line = line.TrimEnd();
            block._entries.Add(verbatim ? Entry.Of(line, 0, true)
                : Entry.Of(line.Length - line.TrimStart().Length >= common ? line[common..] : line.TrimStart(), 0, false));
            block._lineCount++;
        }
        return block;
    }

    public void WriteTo(StringBuilder sb)
    {
        // Iterative: blocks nest a few levels deep, but an explicit stack costs nothing.
        var frames = new Stack<Frame>();
        frames.Push(new Frame(this, 0, 0, null));
        bool lastIsBlank = false;
        int lastIndent = 0;
        while (frames.TryPop(out var frame))
        {
            var entries = frame.Block._entries;
            if (frame.Next == entries.Count)
            {
                if (string.IsNullOrEmpty(frame.Suffix)) continue;
                // The suffix ends the block's last line, indented as a line of that text would be.
                sb.Length--;
                if (lastIsBlank) sb.Append(' ', lastIndent);
                sb.Append(frame.Suffix).Append('\n');
                lastIsBlank = false;
                continue;
            }
            var entry = entries[frame.Next];
            frames.Push(frame with { Next = frame.Next + 1 });
            if (entry.Block is { } nested)
            {
                frames.Push(new Frame(nested, 0, frame.Indent + entry.Indent, entry.Suffix));
                continue;
            }
            lastIsBlank = !entry.Verbatim && entry.Text!.Length == 0 && string.IsNullOrEmpty(entry.Suffix);
            lastIndent = frame.Indent + entry.Indent;
            if (!entry.Verbatim && !lastIsBlank) sb.Append(' ', lastIndent);
            sb.Append(entry.Text).Append(entry.Suffix).Append('\n');
        }
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        WriteTo(sb);
        return sb.ToString();
    }

    /// <summary>A line (<see cref="Text"/>) or an appended block (<see cref="Block"/>), and the text added to its (last) line here.</summary>
    private readonly record struct Entry(string? Text, int Indent, bool Verbatim, SqlBlock? Block, string? Suffix)
    {
        public static Entry Of(string text, int indent, bool verbatim) => new(text, indent, verbatim, null, null);
    }

    private readonly record struct Frame(SqlBlock Block, int Next, int Indent, string? Suffix);
}
