namespace Cwf.Tests.Security.Lexers;

/// <summary>
/// PostgreSQL 15 as psql reads a script (PostgreSQL documentation 4.1 "Lexical Structure" and the
/// psql reference; spec/dialects.md "Quoting rules"). '...' takes no backslash escapes
/// (standard_conforming_strings is on), E'...' does; "..." identifiers double their quote;
/// $tag$ bodies; -- comments end at LF or CR; /* */ comments nest. psql adds its own rules on
/// top: an unquoted backslash starts a meta-command (<c>\!</c> runs a shell command), <c>:name</c>
/// is replaced by a psql variable, and a NUL ends the line it reads.
/// </summary>
public sealed class PostgresLexer(bool psql = true) : WarehouseLexer
{
    public override string DialectName => "postgres";

    /// <summary>A procedure body: the server reads it, psql does not look inside.</summary>
    public override WarehouseLexer BodyLexer => psql ? new PostgresLexer(psql: false) : this;

    protected override SqlToken Next(string sql, int start) => Standard(sql, start, new Rules(psql, BackslashInPlainStrings: false, UnicodeEscapes: true));

    /// <summary>Where the PostgreSQL family differs: psql's client rules, backslashes in '...' (Redshift), \u and U&amp; escapes (not DuckDB).</summary>
    internal readonly record struct Rules(bool Psql, bool BackslashInPlainStrings, bool UnicodeEscapes);

    /// <summary>The PostgreSQL family's tokens.</summary>
    internal static SqlToken Standard(string sql, int start, Rules rules)
    {
        bool psql = rules.Psql;
        Func<string, int, Escape> escapeString = rules.UnicodeEscapes ? EscapeString : EscapeStringWithoutUnicode;
        Func<string, int, Escape>? plain = rules.BackslashInPlainStrings ? escapeString : null;
        char c = sql[start];
        if (IsSpace(c)) return Whitespace(sql, start, IsSpace);
        if (At(sql, start, "--")) return LineComment(sql, start, 2);
        if (At(sql, start, "/*")) return BlockComment(sql, start, nested: true);
        if (c == '\'') return Quoted(sql, start, 0, TokenKind.StringLiteral, doubling: true, plain);
        if (c is 'E' or 'e' && At(sql, start + 1, "'")) return Quoted(sql, start, 1, TokenKind.StringLiteral, doubling: true, escapeString);
        if (c is 'B' or 'b' or 'X' or 'x' or 'N' or 'n' && At(sql, start + 1, "'"))
            return Quoted(sql, start, 1, TokenKind.StringLiteral, doubling: true, plain);
        if (c is 'U' or 'u' && (At(sql, start + 1, "&'") || At(sql, start + 1, "&\"")))
        {
            var token = sql[start + 2] == '\'' ? Quoted(sql, start, 2, TokenKind.StringLiteral, doubling: true, UnicodeEscape) : Identifier(sql, start, 2, UnicodeEscape);
            return rules.UnicodeEscapes || token.Kind == TokenKind.Error ? token : Error(sql, start, token.Length, "a U& string (not implemented)");
        }
        if (c == '"') return Identifier(sql, start, 0, null);
        if (c == '$' && start + 1 < sql.Length && char.IsAsciiDigit(sql[start + 1])) return Word(sql, start);
        if (c == '$' && DollarQuoted(sql, start, tagged: true) is { } body) return body;
        if (psql && c == '\\')
        {
            int end = sql.IndexOfAny(['\n', '\r'], start);
            return Error(sql, start, (end < 0 ? sql.Length : end) - start, "a psql meta-command (an unquoted backslash)");
        }
        if (psql && c == ':' && start + 1 < sql.Length && (IsWordStart(sql[start + 1]) || sql[start + 1] is '\'' or '"')
            && (start == 0 || sql[start - 1] != ':'))
        {
            var name = IsWordStart(sql[start + 1]) ? Word(sql, start + 1) : Quoted(sql, start + 1, 0, TokenKind.StringLiteral, doubling: false, null);
            return Error(sql, start, name.End - start, "a psql variable reference (:name is replaced by psql)");
        }
        // Every byte above 0x7F is an identifier character to PostgreSQL's scanner.
        if (IsWordStart(c) || c >= '\u0080') return Word(sql, start, ch => char.IsLetterOrDigit(ch) || ch is '_' or '$' || ch >= '\u0080');
        if (char.IsAsciiDigit(c)) return Number(sql, start);
        return Symbol(sql, start);
    }

    private static SqlToken Identifier(string sql, int start, int prefix, Func<string, int, Escape>? escape)
    {
        var token = Quoted(sql, start, prefix, TokenKind.QuotedIdentifier, doubling: true, escape);
        return token.Kind == TokenKind.QuotedIdentifier && token.Value!.Length == 0 ? Error(sql, start, token.Length, "a zero-length quoted identifier") : token;
    }

    /// <summary>
    /// A backslash escape of an E'...' string: \b \f \n \r \t, octal \o..\ooo, hex \xh or \xhh (bytes:
    /// above 0x7F they must form UTF-8, which the checks here refuse), \uXXXX, \UXXXXXXXX, and any
    /// other character stands for itself. A NUL is refused: text cannot contain one.
    /// </summary>
    internal static Escape EscapeString(string sql, int at) => EscapeString(sql, at, unicode: true);

    // DuckDB reads E'...' like PostgreSQL but answers \u and \U with "unicode_to_utf8 NOT IMPLEMENTED".
    private static Escape EscapeStringWithoutUnicode(string sql, int at) => EscapeString(sql, at, unicode: false);

    private static Escape EscapeString(string sql, int at, bool unicode)
    {
        if (at + 1 >= sql.Length) return Escape.Invalid(1, "a backslash at the end of the script");
        char n = sql[at + 1];
        if (Letter(n, "bfnrt") is { } letter) return letter;
        switch (n)
        {
            case >= '0' and <= '7':
            {
                var (value, digits) = Octal(sql, at + 1, 3)!.Value;
                return Byte(value, 1 + digits);
            }
            case 'x' when HexUpTo(sql, at + 2, 2) is { } hex:
                return Byte(hex.Value, 2 + hex.Digits);
            case 'u' or 'U' when !unicode:
                return Escape.Invalid(2, $"a \\{n} escape (not implemented)");
            case 'u' or 'U':
            {
                int digits = n == 'u' ? 4 : 8;
                return Hex(sql, at + 2, digits) is { } code && code != 0 && CodePoint(code) is { } text
                    ? new Escape(2 + digits, text)
                    : Escape.Invalid(2, $"an invalid \\{n} escape");
            }
            default:
                return new Escape(2, n.ToString());
        }
    }

    private static Escape Byte(int value, int length) => value switch
    {
        0 => Escape.Invalid(length, "a NUL escape (PostgreSQL text cannot contain NUL)"),
        > 0x7F => Escape.Invalid(length, "a byte escape above 0x7F"),
        _ => new Escape(length, ((char)value).ToString()),
    };

    /// <summary>U&amp;'...' and U&amp;"...": \XXXX and \+XXXXXX are code points, \\ is a backslash (the default UESCAPE).</summary>
    private static Escape UnicodeEscape(string sql, int at)
    {
        if (At(sql, at + 1, "\\")) return new Escape(2, "\\");
        if (At(sql, at + 1, "+"))
            return Hex(sql, at + 2, 6) is { } big && big != 0 && CodePoint(big) is { } text6 ? new Escape(8, text6) : Escape.Invalid(2, "an invalid \\+XXXXXX escape");
        return Hex(sql, at + 1, 4) is { } code && code != 0 && CodePoint(code) is { } text4 ? new Escape(5, text4) : Escape.Invalid(1, "an invalid \\XXXX escape");
    }

    /// <summary>E'...' with every backslash, quote and control character escaped (\uXXXX above 0x7F); null for a NUL, which text cannot hold.</summary>
    public override string? StringLiteral(string value) => !value.Contains('\0') && BackslashEscaped(value, ByteEscape) is { } body ? "E" + body : null;

    /// <summary>
    /// E'...' with every backslash and quote escaped, the C0 controls and DEL as \n \r \t or \xHH and the
    /// rest as written: the form DuckDB reads (it has no \u). Null for a NUL, which text cannot hold.
    /// </summary>
    internal static string? EscapeStringLiteral(string value) =>
        !value.Contains('\0') && BackslashEscaped(value, c => ByteEscape(c) ?? c.ToString()) is { } body ? "E" + body : null;

    private static string? ByteEscape(char c) =>
        c < ' ' || c == '\u007F' ? "\\x" + ((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture) : null;
}
