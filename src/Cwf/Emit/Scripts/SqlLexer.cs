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
            var (kind, end) = ScanNonCode(sql, i, codeStart, rules);
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

    /// <summary>
    /// The literal or comment starting at <paramref name="i"/> and where it ends, or end = i when code
    /// continues. A word starts at <paramref name="codeStart"/> whatever precedes it (a literal's end).
    /// </summary>
    private static (SqlSegmentKind Kind, int End) ScanNonCode(string sql, int i, int codeStart, SqlLexicalRules rules)
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
                return (SqlSegmentKind.String, QuotedEnd(sql, i, '\'', rules.BackslashEscapes && !IsRaw(sql, i, codeStart, rules) || HasEscapePrefix(sql, i, codeStart, rules), rules.TripleQuotedStrings, !rules.AdjacentStrings));
            case '"' when rules.DoubleQuotedStrings:
                return (SqlSegmentKind.String, QuotedEnd(sql, i, '"', rules.BackslashEscapes && !IsRaw(sql, i, codeStart, rules), rules.TripleQuotedStrings, !rules.AdjacentStrings));
            case '"':
                return (SqlSegmentKind.QuotedIdentifier, QuotedEnd(sql, i, '"', backslashEscapes: false, tripleQuotes: false, doubled: true));
            case '`' when rules.BacktickIdentifiers:
                return (SqlSegmentKind.QuotedIdentifier, QuotedEnd(sql, i, '`', rules.BacktickBackslashEscapes, tripleQuotes: false, doubled: !rules.BacktickBackslashEscapes));
            case '$' when rules.DollarQuotes && !InsideWord(sql, i, codeStart, rules):
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

    /// <summary>The end of a literal opened by <paramref name="quote"/> at i; a doubled quote is an escaped quote when <paramref name="doubled"/>.</summary>
    private static int QuotedEnd(string sql, int i, char quote, bool backslashEscapes, bool tripleQuotes, bool doubled)
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
                if (doubled && j + 1 < sql.Length && sql[j + 1] == quote) j++;
                else return j + 1;
            }
        }
        return sql.Length;
    }

    /// <summary>Whether the quote at <paramref name="quote"/> opens a raw string (<c>r'...'</c>) whose backslashes escape nothing.</summary>
    private static bool IsRaw(string sql, int quote, int codeStart, SqlLexicalRules rules) =>
        rules.RawStrings && IsPrefix(sql, quote, codeStart, 'r', rules);

    private static bool HasEscapePrefix(string sql, int quote, int codeStart, SqlLexicalRules rules) =>
        rules.EscapeStringPrefix && IsPrefix(sql, quote, codeStart, 'e', rules);

    /// <summary>Whether the quote at <paramref name="quote"/> follows a one-letter word <paramref name="letter"/> (either case).</summary>
    private static bool IsPrefix(string sql, int quote, int codeStart, char letter, SqlLexicalRules rules) =>
        quote > codeStart && char.ToLowerInvariant(sql[quote - 1]) == letter && !InsideWord(sql, quote - 1, codeStart, rules);

    /// <summary>
    /// Whether the character at <paramref name="i"/> continues an identifier (<c>a$b</c>, <c>xE</c>): an
    /// identifier starts with a letter or an underscore, so what follows a number or a lone <c>$</c>
    /// (<c>1$$x$$</c>, <c>$1$$x$$</c>, <c>1E'x'</c>) starts a token of its own. A <c>$</c> is an
    /// identifier character only where dollar quotes exist (PostgreSQL's family, Snowflake).
    /// </summary>
    private static bool InsideWord(string sql, int i, int codeStart, SqlLexicalRules rules)
    {
        int start = i;
        while (start > codeStart && (char.IsLetterOrDigit(sql[start - 1]) || sql[start - 1] == '_' || sql[start - 1] == '$' && rules.DollarQuotes)) start--;
        while (start < i && (sql[start] == '$' || char.IsAsciiDigit(sql[start]))) start++;
        return start < i;
    }

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

}
