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
        int wordStart = -1;
        while (i < sql.Length)
        {
            var (kind, end) = ScanNonCode(sql, i, wordStart, rules);
            if (end == i)
            {
                wordStart = WordStartAfter(sql, i, wordStart, rules);
                i++;
                continue;
            }
            if (i > codeStart) segments.Add(new SqlSegment(SqlSegmentKind.Code, codeStart, i - codeStart));
            segments.Add(new SqlSegment(kind, i, end - i));
            i = codeStart = end;
            wordStart = -1;
        }
        if (sql.Length > codeStart) segments.Add(new SqlSegment(SqlSegmentKind.Code, codeStart, sql.Length - codeStart));
        return segments;
    }

    /// <summary>
    /// The literal or comment starting at <paramref name="i"/> and where it ends, or end = i when code
    /// continues. <paramref name="wordStart"/> is where the identifier the character before
    /// <paramref name="i"/> belongs to starts, or -1 when it belongs to none.
    /// </summary>
    private static (SqlSegmentKind Kind, int End) ScanNonCode(string sql, int i, int wordStart, SqlLexicalRules rules)
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
                return (SqlSegmentKind.String, QuotedEnd(sql, i, '\'', rules.BackslashEscapes && !IsRaw(sql, i, wordStart, rules) || HasEscapePrefix(sql, i, wordStart, rules), rules.TripleQuotedStrings, !rules.AdjacentStrings));
            case '"' when rules.DoubleQuotedStrings:
                return (SqlSegmentKind.String, QuotedEnd(sql, i, '"', rules.BackslashEscapes && !IsRaw(sql, i, wordStart, rules), rules.TripleQuotedStrings, !rules.AdjacentStrings));
            case '"':
                return (SqlSegmentKind.QuotedIdentifier, QuotedEnd(sql, i, '"', backslashEscapes: false, tripleQuotes: false, doubled: true));
            case '`' when rules.BacktickIdentifiers:
                return (SqlSegmentKind.QuotedIdentifier, QuotedEnd(sql, i, '`', rules.BacktickBackslashEscapes, tripleQuotes: false, doubled: !rules.BacktickBackslashEscapes));
            case '$' when rules.DollarQuotes && wordStart < 0:
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
    private static bool IsRaw(string sql, int quote, int wordStart, SqlLexicalRules rules) =>
        rules.RawStrings && IsPrefix(sql, quote, wordStart, 'r');

    private static bool HasEscapePrefix(string sql, int quote, int wordStart, SqlLexicalRules rules) =>
        rules.EscapeStringPrefix && IsPrefix(sql, quote, wordStart, 'e');

    /// <summary>Whether the quote at <paramref name="quote"/> follows a one-letter word <paramref name="letter"/> (either case).</summary>
    private static bool IsPrefix(string sql, int quote, int wordStart, char letter) =>
        wordStart >= 0 && wordStart == quote - 1 && char.ToLowerInvariant(sql[quote - 1]) == letter;

    /// <summary>
    /// Where the identifier that the code character at <paramref name="i"/> belongs to starts, or -1:
    /// an identifier starts with a letter or an underscore and goes on with letters, digits,
    /// underscores and (where dollar quotes exist: PostgreSQL's family, Snowflake) <c>$</c>. So what
    /// follows a number or a lone <c>$</c> (<c>1$$x$$</c>, <c>$1$$x$$</c>, <c>1E'x'</c>) starts a token
    /// of its own, and <c>a$b</c> or <c>xE'</c> continue a word.
    /// </summary>
    private static int WordStartAfter(string sql, int i, int wordStart, SqlLexicalRules rules)
    {
        char c = sql[i];
        if (wordStart >= 0 && (char.IsLetterOrDigit(c) || c == '_' || c == '$' && rules.DollarQuotes)) return wordStart;
        return char.IsLetter(c) || c == '_' ? i : -1;
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
