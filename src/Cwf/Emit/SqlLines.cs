using System.Text;

namespace Cwf.Emit;

/// <summary>
/// A query's lines written straight into one text, for the queries the writer finishes before it
/// starts another (a step's SELECT and its clauses): no string per line and no entry per line, and
/// the text is the block's own when it is done (<see cref="ToBlock"/>), kept in the emission's
/// <see cref="SqlTextStore"/> as <see cref="SqlBlock.Flattened"/> would have kept it. One instance is reused query after query.
/// A line is written from parts (<see cref="Begin"/>, <see cref="Add(string)"/>, <see cref="End"/>),
/// or whole (<see cref="Line(string, int, string?)"/>).
/// </summary>
internal sealed class SqlLines(SqlTextStore store)
{
    private StringBuilder _text = new();
    // Where a line holds a line break of its own (a quoted name with one): such a line must not be re-indented, so the
    // query stays lines. Rare: nothing is kept per line, the other line breaks end lines.
    private readonly List<int> _breaksInLines = [];
    private int _lineCount;
    private int _lineStart;
    private int _indent;
    // The last line: blank (written unindented), and its indentation, which a suffix added to it takes.
    private bool _lastBlank;
    private int _lastIndent;

    /// <summary>Starts a new query, forgetting the last one.</summary>
    public SqlLines Start()
    {
        _text = ScratchText.Cleared(_text);
        _breaksInLines.Clear();
        _lineCount = 0;
        return this;
    }

    public SqlLines Line(string text, int indent = 0, string? suffix = null) => Begin(indent).Add(text).End(suffix);

    /// <summary>A line of two parts (a keyword and what follows it), without concatenating them.</summary>
    public SqlLines Line(string head, string tail, int indent = 0) => Begin(indent).Add(head).Add(tail).End();

    /// <summary>Starts a line indented by <paramref name="indent"/>.</summary>
    public SqlLines Begin(int indent)
    {
        _indent = indent;
        _lineStart = _text.Length;
        _text.Append(' ', indent);
        return this;
    }

    public SqlLines Add(string text) => Add(text.AsSpan());

    public SqlLines Add(ReadOnlySpan<char> text)
    {
        for (int from = 0, at; (at = text[from..].IndexOf('\n')) >= 0; from += at + 1)
            _breaksInLines.Add(_text.Length + from + at);
        ScratchText.Append(_text, text);
        return this;
    }

    public SqlLines Add(char c)
    {
        if (c == '\n') _breaksInLines.Add(_text.Length);
        _text.Append(c);
        return this;
    }

    /// <summary>Ends the line; <paramref name="suffix"/> is a list's comma.</summary>
    public SqlLines End(string? suffix = null)
    {
        if (suffix is not null) Add(suffix);
        // A blank line is written unindented, as a block writes it.
        _lastBlank = _text.Length == _lineStart + _indent;
        if (_lastBlank) ScratchText.Truncate(_text, _lineStart);
        _lastIndent = _indent;
        _lineCount++;
        _text.Append('\n');
        return this;
    }

    /// <summary>
    /// The query as a block: one text, or (when a line holds a line break of its own, or the last line
    /// is blank, which a suffix would indent) its lines.
    /// </summary>
    public SqlBlock ToBlock()
    {
        if (_lineCount > 0 && _breaksInLines.Count == 0 && !_lastBlank) return SqlBlock.OfText(_text, _lineCount, store);
        var block = new SqlBlock(_lineCount);
        var text = _text.ToString();
        for (int i = 0, start = 0, b = 0; i < _lineCount; i++)
        {
            // The line ends at the first line break that is not one of its own.
            int end = text.IndexOf('\n', start);
            for (; b < _breaksInLines.Count && _breaksInLines[b] == end; b++) end = text.IndexOf('\n', end + 1);
            var line = text.AsSpan(start, end - start);
            start = end + 1;
            if (line.IsEmpty)
            {
                block.Line("", i == _lineCount - 1 ? _lastIndent : 0);
                continue;
            }
            // Its leading blanks are its indentation, as a block writes them wherever it is appended; a line of blanks
            // keeps one as its text, so that it is not blank.
            int indent = Math.Min(line.Length - line.TrimStart(' ').Length, line.Length - 1);
            block.Line(line[indent..].ToString(), indent);
        }
        return block;
    }
}
