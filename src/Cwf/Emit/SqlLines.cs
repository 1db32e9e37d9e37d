using System.Text;

namespace Cwf.Emit;

/// <summary>
/// A query's lines written straight into one text, for the queries the writer finishes before it
/// starts another (a step's SELECT and its clauses): no string per line and no entry per line, and
/// the text is the block's own when it is done (<see cref="ToBlock"/>), as
/// <see cref="SqlBlock.Flattened"/> would have made it. One instance is reused query after query.
/// A line is written from parts (<see cref="Begin"/>, <see cref="Add(string)"/>, <see cref="End"/>),
/// or whole (<see cref="Line(string, int, string?)"/>).
/// </summary>
internal sealed class SqlLines
{
    private readonly StringBuilder _text = new();
    // Where each line ends (its line break) and its indentation, to make a block of lines when the text cannot be one text.
    private readonly List<(int End, int Indent)> _ends = [];
    private int _lineStart;
    private int _indent;
    // A line holding a line break of its own: such a line must not be re-indented, so the query stays lines.
    private bool _breaks;

    /// <summary>Starts a new query, forgetting the last one.</summary>
    public SqlLines Start()
    {
        _text.Clear();
        _ends.Clear();
        _breaks = false;
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

    public SqlLines Add(string text)
    {
        _breaks |= text.Contains('\n');
        _text.Append(text);
        return this;
    }

    public SqlLines Add(char c)
    {
        _breaks |= c == '\n';
        _text.Append(c);
        return this;
    }

    /// <summary>Ends the line; <paramref name="suffix"/> is a list's comma.</summary>
    public SqlLines End(string? suffix = null)
    {
        if (suffix is not null) Add(suffix);
        // A blank line is written unindented, as a block writes it.
        if (_text.Length == _lineStart + _indent) _text.Length = _lineStart;
        _ends.Add((_text.Length, _indent));
        _text.Append('\n');
        return this;
    }

    /// <summary>
    /// The query as a block: one text, or (when a line holds a line break of its own, or the last line
    /// is blank, which a suffix would indent) its lines, each holding its indentation.
    /// </summary>
    public SqlBlock ToBlock()
    {
        int count = _ends.Count;
        bool lastBlank = count > 0 && _ends[^1].End == (count > 1 ? _ends[^2].End + 1 : 0);
        if (count > 0 && !_breaks && !lastBlank) return SqlBlock.OfText(_text.ToString(), count);
        var block = new SqlBlock(count);
        for (int i = 0, start = 0; i < count; start = _ends[i].End + 1, i++)
        {
            var (end, indent) = _ends[i];
            block.Line(end == start ? "" : _text.ToString(start + indent, end - start - indent), indent);
        }
        return block;
    }
}
