using System.Text;
using Cwf.Emit.Scripts;

namespace Cwf.Emit;

/// <summary>
/// SQL text as lines with indentation, so that blocks nest (a query inside a CTE inside a
/// procedure) with consistent indentation. A verbatim line continues a multi-line string
/// literal of user SQL and is never re-indented, which would change the literal.
/// </summary>
public sealed class SqlBlock
{
    private readonly List<SqlLine> _lines;

    public SqlBlock() => _lines = [];

    /// <summary>An empty block with room for <paramref name="lines"/> lines (one assembled from blocks of known size).</summary>
    public SqlBlock(int lines) => _lines = new(lines);

    public bool IsEmpty => _lines.Count == 0;

    public int LineCount => _lines.Count;

    public SqlBlock Line(string text, int indent = 0)
    {
        _lines.Add(new SqlLine(text, indent, false));
        return this;
    }

    /// <summary>Appends another block's lines, indented by <paramref name="indent"/> more.</summary>
    public SqlBlock Append(SqlBlock block, int indent = 0)
    {
        foreach (var line in block._lines)
            _lines.Add(line.Verbatim ? line : line with { Indent = line.Indent + indent });
        return this;
    }

    /// <summary>Adds text at the end of the last line (a comma, a semicolon, a closing parenthesis).</summary>
    public SqlBlock Suffix(string text)
    {
        if (_lines.Count == 0) throw new InvalidOperationException("Cannot add a suffix to an empty block.");
        _lines[^1] = _lines[^1] with { Text = _lines[^1].Text + text };
        return this;
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
            block._lines.Add(verbatim ? new SqlLine(line, 0, true)
                : new SqlLine(line.Length - line.TrimStart().Length >= common ? line[common..] : line.TrimStart(), 0, false));
        }
        return block;
    }

    public void WriteTo(StringBuilder sb)
    {
        foreach (var line in _lines)
        {
            if (!line.Verbatim && line.Text.Length > 0) sb.Append(' ', line.Indent);
            sb.Append(line.Text).Append('\n');
        }
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        WriteTo(sb);
        return sb.ToString();
    }

    private readonly record struct SqlLine(string Text, int Indent, bool Verbatim);
}
