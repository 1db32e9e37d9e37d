using System.Text;

namespace Cwf.Emit;

/// <summary>
/// SQL text as lines with indentation, so that blocks nest (a query inside a CTE inside a
/// procedure) with consistent indentation. A verbatim line continues a multi-line string
/// literal of user SQL and is never re-indented, which would change the literal.
/// </summary>
public sealed class SqlBlock
{
    private readonly List<SqlLine> _lines = [];

    public bool IsEmpty => _lines.Count == 0;

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
    /// A block from SQL text written by a user (custom SQL): one line per text line, trailing
    /// whitespace and the common leading indentation removed; lines that start inside a quoted
    /// string literal or identifier stay verbatim.
    /// </summary>
    public static SqlBlock FromText(string text)
    {
        var raw = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var verbatim = new bool[raw.Length];
        char quote = '\0';
        for (int n = 0; n < raw.Length; n++)
        {
            verbatim[n] = quote != '\0';
            var line = raw[n];
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (quote != '\0')
                {
                    if (c == quote) quote = '\0';
                }
                else if (c is '\'' or '"' or '`') quote = c;
                else if (c == '-' && i + 1 < line.Length && line[i + 1] == '-') break;
            }
        }
        int first = 0, last = raw.Length - 1;
        while (first <= last && !verbatim[first] && raw[first].Trim().Length == 0) first++;
        while (last >= first && !verbatim[last] && raw[last].Trim().Length == 0) last--;
        int common = int.MaxValue;
        for (int n = first; n <= last; n++)
            if (!verbatim[n] && raw[n].Trim().Length > 0)
                common = Math.Min(common, raw[n].Length - raw[n].TrimStart().Length);
        if (common == int.MaxValue) common = 0;

        var block = new SqlBlock();
        for (int n = first; n <= last; n++)
        {
            if (verbatim[n]) block._lines.Add(new SqlLine(raw[n], 0, true));
            else
            {
                var line = raw[n].TrimEnd();
                block._lines.Add(new SqlLine(line.Length >= common ? line[common..] : line.TrimStart(), 0, false));
            }
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
