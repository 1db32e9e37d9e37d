namespace Cwf.Emit.Scripts;

/// <summary>
/// Cuts SQL text into code, string literals, quoted identifiers and comments, so that a
/// semicolon or keyword inside a literal or comment is never taken for code. An unterminated
/// literal or comment runs to the end of the text.
/// </summary>
public static class SqlLexer
{
    public static IReadOnlyList<SqlSegment> Segment(string sql, SqlLexicalRules rules)
    {
        var segments = new List<SqlSegment>();
        int codeStart = 0;
        int i = 0;
        while (i < sql.Length)
        {
            var (kind, end) = ScanNonCode(sql, i, rules);
            if (end == i)
            {
                i++;
                continue;
            }
            if (i > codeStart) segments.Add(new SqlSegment(SqlSegmentKind.Code, codeStart, i - codeStart));
            segments.Add(new SqlSegment(kind, i, end - i));
            i = codeStart = end;
        }
        if (sql.Length > codeStart) segments.Add(new SqlSegment(SqlSegmentKind.Code, codeStart, sql.Length - codeStart));
        return segments;
    }

    /// <summary>The literal or comment starting at <paramref name="i"/> and where it ends, or end = i when code continues.</summary>
    private static (SqlSegmentKind Kind, int End) ScanNonCode(string sql, int i, SqlLexicalRules rules)
    {
        char c = sql[i];
        char next = i + 1 < sql.Length ? sql[i + 1] : '\0';
        switch (c)
        {
            case '-' when next == '-':
            case '#' when rules.HashComments:
            case '/' when next == '/' && rules.DoubleSlashComments:
                return (SqlSegmentKind.Comment, LineEnd(sql, i));
            case '/' when next == '*':
                return (SqlSegmentKind.Comment, BlockCommentEnd(sql, i, rules.NestedBlockComments));
            case '\'':
                return (SqlSegmentKind.String, QuotedEnd(sql, i, '\'', rules.BackslashEscapes || HasEscapePrefix(sql, i, rules), rules.TripleQuotedStrings));
            case '"' when rules.DoubleQuotedStrings:
                return (SqlSegmentKind.String, QuotedEnd(sql, i, '"', rules.BackslashEscapes, rules.TripleQuotedStrings));
            case '"':
                return (SqlSegmentKind.QuotedIdentifier, QuotedEnd(sql, i, '"', backslashEscapes: false, tripleQuotes: false));
            case '`' when rules.BacktickIdentifiers:
                return (SqlSegmentKind.QuotedIdentifier, QuotedEnd(sql, i, '`', backslashEscapes: false, tripleQuotes: false));
            case '$' when rules.DollarQuotes && (i == 0 || !IsIdentifierChar(sql[i - 1])):
                return DollarQuoteTag(sql, i, rules.TaggedDollarQuotes) is { } tag
                    ? (SqlSegmentKind.String, DollarQuotedEnd(sql, i, tag))
                    : (SqlSegmentKind.Code, i);
            default:
                return (SqlSegmentKind.Code, i);
        }
    }

    /// <summary>A line comment ends at a LF or a CR: PostgreSQL, DuckDB and Trino end it at a CR too, so a CR never hides code.</summary>
    private static int LineEnd(string sql, int i)
    {
        int newline = sql.IndexOfAny(['\n', '\r'], i);
        return newline < 0 ? sql.Length : newline;
    }

    private static int BlockCommentEnd(string sql, int i, bool nested)
    {
        int depth = 0;
        while (i < sql.Length)
        {
            if (sql[i] == '/' && i + 1 < sql.Length && sql[i + 1] == '*' && (depth == 0 || nested))
            {
                depth++;
                i += 2;
            }
            else if (sql[i] == '*' && i + 1 < sql.Length && sql[i + 1] == '/')
            {
                i += 2;
                if (--depth == 0) return i;
            }
            else i++;
        }
        return sql.Length;
    }

    /// <summary>The end of a literal opened by <paramref name="quote"/> at i; a doubled quote is an escaped quote.</summary>
    private static int QuotedEnd(string sql, int i, char quote, bool backslashEscapes, bool tripleQuotes)
    {
        if (tripleQuotes && i + 2 < sql.Length && sql[i + 1] == quote && sql[i + 2] == quote)
        {
            for (int j = i + 3; j < sql.Length; j++)
            {
                if (backslashEscapes && sql[j] == '\\') j++;
                else if (sql[j] == quote && j + 2 < sql.Length && sql[j + 1] == quote && sql[j + 2] == quote) return j + 3;
            }
            return sql.Length;
        }
        for (int j = i + 1; j < sql.Length; j++)
        {
            if (backslashEscapes && sql[j] == '\\') j++;
            else if (sql[j] == quote)
            {
                if (j + 1 < sql.Length && sql[j + 1] == quote) j++;
                else return j + 1;
            }
        }
        return sql.Length;
    }

    private static bool HasEscapePrefix(string sql, int quote, SqlLexicalRules rules) =>
        rules.EscapeStringPrefix && quote > 0 && sql[quote - 1] is 'E' or 'e' && (quote == 1 || !IsIdentifierChar(sql[quote - 2]));

    /// <summary>The whole opening tag ($$ or $name$) at i, or null when the $ opens no dollar quote.</summary>
    private static string? DollarQuoteTag(string sql, int i, bool tagged)
    {
        int j = i + 1;
        if (tagged && j < sql.Length && (char.IsLetter(sql[j]) || sql[j] == '_'))
        {
            while (j < sql.Length && (char.IsLetterOrDigit(sql[j]) || sql[j] == '_')) j++;
        }
        return j < sql.Length && sql[j] == '$' ? sql[i..(j + 1)] : null;
    }

    private static int DollarQuotedEnd(string sql, int i, string tag)
    {
        int close = sql.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
        return close < 0 ? sql.Length : close + tag.Length;
    }

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';
}
