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
    private static readonly List<Entry> NoEntries = [];
    private readonly List<Entry> _entries;
    // A flattened block's lines as one text (Flattened), each ending in a line break: a string, or a segment of the
    // emission's text store; it has no entries and is not changed.
    private readonly string? _text;
    private readonly StoredSql _segment;
    private int _lineCount;
    private bool _appended;
    // A line that must not be re-indented as part of a larger text: verbatim, or with a line break of its own.
    private bool _fixedLines;

    public SqlBlock() => _entries = [];

    /// <param name="capacity">The number of lines and blocks the caller will add, where it knows it.</param>
    public SqlBlock(int capacity) => _entries = new List<Entry>(capacity);

    private SqlBlock(string? text, StoredSql segment, int lineCount)
    {
        _entries = NoEntries;
        _text = text;
        _segment = segment;
        _lineCount = lineCount;
    }

    /// <summary>
    /// A block of <paramref name="lineCount"/> lines written as one text (<see cref="SqlLines"/>), each ending in a line
    /// break, none blank at the end or holding a line break of its own: what <see cref="Flattened"/> makes. The text is
    /// kept in <paramref name="store"/> where it can be, else as a string.
    /// </summary>
    internal static SqlBlock OfText(StringBuilder text, int lineCount, SqlTextStore store) =>
        store.TryAdd(text, out var segment) ? new(null, segment, lineCount) : new(text.ToString(), default, lineCount);

    private bool IsText => _text is not null || _segment.Chunk is not null;

    public bool IsEmpty => _lineCount == 0;

    /// <param name="suffix">Text written after <paramref name="text"/> (a list's comma), kept apart so that neither is copied.</param>
    public SqlBlock Line(string text, int indent = 0, string? suffix = null)
    {
        Unshared();
        _entries.Add(new Entry(text, suffix, indent, EntryKind.Line));
        _lineCount++;
        _fixedLines |= text.Contains('\n') || suffix is not null && suffix.Contains('\n');
        return this;
    }

    /// <summary>Appends another block's lines, indented by <paramref name="indent"/> more.</summary>
    public SqlBlock Append(SqlBlock block, int indent = 0)
    {
        Unshared();
        if (block.IsEmpty) return this;
        block._appended = true;
        // A flattened block's text (or a block of only that) is referred to directly: one entry, and nothing to descend into when written.
        _entries.Add(block.IsText ? new Entry(block, null, indent, EntryKind.Text)
            : block._entries is [{ Kind: EntryKind.Text, Suffix: null } only] ? only with { Indent = only.Indent + indent }
            : new Entry(block, null, indent, EntryKind.Block));
        _lineCount += block._lineCount;
        _fixedLines |= block._fixedLines;
        return this;
    }

    /// <summary>
    /// Appends the CTEs of <paramref name="ctes"/>: each <c>name AS (</c> indented by 2, its query by 4, and <c>),</c> (the
    /// last <c>)</c>) by 2, as <see cref="Line"/> and <see cref="Append"/> would write them, in one entry.
    /// </summary>
    internal SqlBlock Ctes(SqlCteList ctes)
    {
        Unshared();
        if (ctes.Count == 0) return this;
        for (int i = 0; i < ctes.Count; i++)
        {
            var query = ctes.Query(i);
            query._appended = true;
            _lineCount += query._lineCount + 2;
            _fixedLines |= query._fixedLines;
        }
        _entries.Add(new Entry(ctes, null, 0, EntryKind.Ctes));
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
        _fixedLines |= text.Contains('\n');
        return this;
    }

    private void Unshared()
    {
        if (_appended || IsText) throw new InvalidOperationException("A block appended to another, or flattened, is not changed: other blocks read its lines.");
    }

    /// <summary>
    /// The same lines as one text kept in <paramref name="store"/> (written out in its scratch builder), where
    /// that writes the same SQL wherever the block is appended: a step's query kept until the script is
    /// written is then one segment (or string) instead of a string per line and the entries that hold them. A block
    /// with lines that must not be re-indented, or whose last line is blank (a suffix would indent it),
    /// is kept as it is.
    /// </summary>
    internal SqlBlock Flattened(SqlTextStore store)
    {
        if (_fixedLines || IsEmpty || IsText) return this;
        var scratch = store.Scratch();
        WriteTo(scratch);
        if (scratch.Length == 1 || scratch[^2] == '\n') return this;
        return OfText(scratch, _lineCount, store);
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
            block._entries.Add(verbatim ? new Entry(line, null, 0, EntryKind.VerbatimLine)
                : new Entry(line.Length - line.TrimStart().Length >= common ? line[common..] : line.TrimStart(), null, 0, EntryKind.Line));
            block._lineCount++;
            block._fixedLines |= verbatim;
        }
        return block;
    }

    public void WriteTo(StringBuilder sb)
    {
        var text = new BuilderText(sb);
        WriteTo(ref text);
    }

    /// <summary>The lines into <paramref name="sb"/>: a builder, a count of their characters, or a string of that length.</summary>
    internal void WriteTo<T>(ref T sb) where T : ISqlText, allows ref struct
    {
        if (IsText)
        {
            WriteText(ref sb, 0);
            return;
        }
        // Iterative: blocks nest a few levels deep, and only the blocks around the one being written are
        // kept (none for a block of lines).
        Stack<Frame>? outer = null;
        var frame = new Frame(this, 0, 0, null, null);
        bool lastIsBlank = false;
        int lastIndent = 0;
        while (true)
        {
            if (frame.Next == (frame.Ctes is { } list ? 3 * list.Count : frame.Block._entries.Count))
            {
                if (!string.IsNullOrEmpty(frame.Suffix))
                {
                    // The suffix ends the block's last line, indented as a line of that text would be.
                    sb.DropLast();
                    if (lastIsBlank) sb.Append(' ', lastIndent);
                    sb.Append(frame.Suffix);
                    sb.Append('\n');
                    lastIsBlank = false;
                }
                if (outer is null || !outer.TryPop(out frame)) return;
                continue;
            }
            var entry = frame.Ctes is { } ctes ? CteEntry(ctes, frame.Next) : frame.Block._entries[frame.Next];
            frame = frame with { Next = frame.Next + 1 };
            int indent = frame.Indent + entry.Indent;
            switch (entry.Kind)
            {
                case EntryKind.Block:
                    (outer ??= new Stack<Frame>()).Push(frame);
                    frame = new Frame((SqlBlock)entry.Content, 0, indent, entry.Suffix, null);
                    continue;
                case EntryKind.Ctes:
                    (outer ??= new Stack<Frame>()).Push(frame);
                    frame = new Frame(frame.Block, 0, indent, entry.Suffix, (SqlCteList)entry.Content);
                    continue;
                case EntryKind.Text:
                    ((SqlBlock)entry.Content).WriteText(ref sb, indent);
                    // Flattened text never ends in a blank line.
                    lastIsBlank = false;
                    lastIndent = indent;
                    if (!string.IsNullOrEmpty(entry.Suffix))
                    {
                        sb.DropLast();
                        sb.Append(entry.Suffix);
                        sb.Append('\n');
                    }
                    continue;
            }
            var line = (string)entry.Content;
            bool verbatim = entry.Kind == EntryKind.VerbatimLine;
            lastIsBlank = !verbatim && line.Length == 0 && string.IsNullOrEmpty(entry.Suffix);
            lastIndent = indent;
            if (!verbatim && !lastIsBlank) sb.Append(' ', lastIndent);
            sb.Append(line);
            if (entry.Suffix is not null) sb.Append(entry.Suffix);
            sb.Append('\n');
        }
    }

    /// <summary>The entry a list of CTEs stands for at <paramref name="index"/>: three a CTE, as <see cref="Ctes"/> says.</summary>
    private static Entry CteEntry(SqlCteList ctes, int index)
    {
        int cte = index / 3;
        if (index % 3 == 0) return new Entry(ctes.Name(cte), " AS (", 2, EntryKind.Line);
        if (index % 3 == 2) return new Entry(cte < ctes.Count - 1 ? ")," : ")", null, 2, EntryKind.Line);
        var query = ctes.Query(cte);
        return new Entry(query, null, 4, query.IsText ? EntryKind.Text : EntryKind.Block);
    }

    /// <summary>Each line of a flattened text indented, as the lines it was written from would be here; a blank line is not.</summary>
    private void WriteText<T>(ref T sb, int indent) where T : ISqlText, allows ref struct
    {
        var latin1 = _segment.Chunk is null ? default : _segment.Latin1;
        // Unindented, the lines are the text as it is.
        if (indent == 0)
        {
            if (_text is not null) sb.Append(_text);
            else sb.AppendLatin1(latin1);
            return;
        }
        int length = _text?.Length ?? latin1.Length;
        for (int start = 0; start < length;)
        {
            int end = start + (_text is not null ? _text.AsSpan(start).IndexOf('\n') : latin1[start..].IndexOf((byte)'\n'));
            if (end > start)
            {
                sb.Append(' ', indent);
                if (_text is not null) sb.Append(_text.AsSpan(start, end - start));
                else sb.AppendLatin1(latin1[start..end]);
            }
            sb.Append('\n');
            start = end + 1;
        }
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        WriteTo(sb);
        return sb.ToString();
    }

    private enum EntryKind : byte
    {
        Line,
        VerbatimLine,
        /// <summary>An appended block.</summary>
        Block,
        /// <summary>A flattened block: several lines as one text, each ending in a line break (<see cref="Flattened"/>).</summary>
        Text,
        /// <summary>A statement's CTEs (<see cref="SqlCteList"/>), three entries each when written.</summary>
        Ctes,
    }

    /// <summary>A line, an appended block or a flattened block (<see cref="Content"/>, by <see cref="Kind"/>), and the text added to its (last) line here; 24 bytes.</summary>
    private readonly record struct Entry(object Content, string? Suffix, int Indent, EntryKind Kind);

    /// <summary>A block being written, or the list of CTEs in it (<see cref="Ctes"/>, whose entries <see cref="CteEntry"/> makes).</summary>
    private readonly record struct Frame(SqlBlock Block, int Next, int Indent, string? Suffix, SqlCteList? Ctes);
}
