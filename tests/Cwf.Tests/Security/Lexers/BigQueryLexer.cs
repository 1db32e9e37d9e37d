namespace Cwf.Tests.Security.Lexers;

/// <summary>
/// BigQuery GoogleSQL (the "Lexical structure and syntax" reference; spec/dialects.md "Quoting
/// rules"): '...' and "..." strings with backslash escapes only (a doubled quote is not an
/// escape, an unknown escape is an error, a raw line break is not allowed), '''...''' and
/// """...""" strings that may span lines, r/R raw and b/B bytes prefixes, `...` identifiers with
/// the strings' escapes, and the comments #, -- and /* */ (not nested). No dollar quoting.
/// </summary>
public sealed class BigQueryLexer : WarehouseLexer
{
    public override string DialectName => "bigquery";

    protected override SqlToken Next(string sql, int start)
    {
        char c = sql[start];
        // The reference names spaces, backspaces, tabs and newlines as token separators.
        if (IsSpace(c) || c == '\b') return Whitespace(sql, start, ch => IsSpace(ch) || ch == '\b');
        if (c == '#') return LineComment(sql, start, 1);
        if (At(sql, start, "--")) return LineComment(sql, start, 2);
        if (At(sql, start, "/*")) return BlockComment(sql, start, nested: false);
        if (StringPrefix(sql, start) is { } prefix)
        {
            bool raw = sql[start..(start + prefix)].Contains('r', StringComparison.OrdinalIgnoreCase);
            Func<string, int, Escape> escape = raw ? RawEscape : Escape;
            char quote = sql[start + prefix];
            return At(sql, start + prefix, new string(quote, 3))
                ? TripleQuoted(sql, start, prefix, escape)
                : Quoted(sql, start, prefix, TokenKind.StringLiteral, doubling: false, escape, rawLineBreaks: false);
        }
        if (c == '`')
        {
            var name = Quoted(sql, start, 0, TokenKind.QuotedIdentifier, doubling: false, Escape, rawLineBreaks: false);
            return name.Kind == TokenKind.QuotedIdentifier && name.Value!.Length == 0 ? Error(sql, start, name.Length, "an empty quoted identifier") : name;
        }
        if (IsWordStart(c)) return Word(sql, start, c => char.IsAsciiLetterOrDigit(c) || c == '_');
        if (char.IsAsciiDigit(c)) return Number(sql, start);
        return Symbol(sql, start);
    }

    /// <summary>The length of a string's prefix (0 for none, r, b, rb, br in any case) when a quote follows it; else null.</summary>
    private static int? StringPrefix(string sql, int start)
    {
        int i = start;
        while (i < sql.Length && i - start < 2 && sql[i] is 'r' or 'R' or 'b' or 'B') i++;
        for (int n = i - start; n >= 0; n--)
        {
            var prefix = sql.Substring(start, n).ToLowerInvariant();
            if (prefix is "" or "r" or "b" or "rb" or "br" && start + n < sql.Length && sql[start + n] is '\'' or '"') return n;
        }
        return null;
    }

    /// <summary>
    /// \a \b \f \n \r \t \v \\ \? \" \' \`, octal \ooo (exactly three digits), \xhh, \uhhhh,
    /// \Uhhhhhhhh; any other sequence is an error.
    /// </summary>
    private static Escape Escape(string sql, int at)
    {
        if (at + 1 >= sql.Length) return Lexers.Escape.Invalid(1, "a backslash at the end of the script");
        char n = sql[at + 1];
        if (Letter(n, "abfnrtv") is { } letter) return letter;
        switch (n)
        {
            case '\\' or '?' or '"' or '\'' or '`': return new Escape(2, n.ToString());
            case >= '0' and <= '7':
                return Octal(sql, at + 1, 3) is { Digits: 3 } octal ? new Escape(4, ((char)octal.Value).ToString()) : Lexers.Escape.Invalid(2, "an octal escape needs three digits");
            case 'x' or 'X':
                return Hex(sql, at + 2, 2) is { } hex ? new Escape(4, ((char)hex).ToString()) : Lexers.Escape.Invalid(2, "an invalid \\x escape");
            case 'u' or 'U':
            {
                int digits = n == 'u' ? 4 : 8;
                return Hex(sql, at + 2, digits) is { } code && CodePoint(code) is { } text ? new Escape(2 + digits, text) : Lexers.Escape.Invalid(2, $"an invalid \\{n} escape");
            }
            default:
                return Lexers.Escape.Invalid(2, $"an unknown escape \\{n}");
        }
    }

    // In a raw string a backslash and the character after it are both kept (so \' does not end it).
    private static Escape RawEscape(string sql, int at) =>
        at + 1 < sql.Length ? new Escape(2, sql.Substring(at, 2)) : Lexers.Escape.Invalid(1, "a raw string ending in an odd number of backslashes");

    public override string? StringLiteral(string value) => BackslashEscaped(value);
}
