using System.Globalization;
using System.Text;

namespace Cwf.Tests.Security.Lexers;

/// <summary>
/// A lexer for one warehouse's SQL, written from that warehouse's documented lexical rules
/// (spec/dialects.md, "Quoting rules"), independent of the compiler's own lexer: it is the
/// judge of what the compiler emits. Each dialect file decides which construct starts at a
/// position; this base class only offers the scanning primitives they share. The lexer never
/// throws: text the warehouse cannot read becomes an <see cref="TokenKind.Error"/> token.
/// </summary>
public abstract class WarehouseLexer
{
    /// <summary>The name of the compiler's dialect this lexer judges (<c>Dialect.Name</c>).</summary>
    public abstract string DialectName { get; }

    public IReadOnlyList<SqlToken> Lex(string sql)
    {
        var tokens = new List<SqlToken>();
        int i = 0;
        while (i < sql.Length)
        {
            var token = Next(sql, i);
            // A NUL ends the text for C clients (psql reads line by line with it as the end), wherever it is.
            if (token.Kind != TokenKind.Error && token.Text.Contains('\0'))
                token = Error(sql, token.Start, token.Length, "a NUL character (C clients end the text there)");
            tokens.Add(token);
            i = token.End;
        }
        return tokens;
    }

    /// <summary>The token that starts at <paramref name="start"/> (never empty).</summary>
    protected abstract SqlToken Next(string sql, int start);

    /// <summary>
    /// Whether a string literal must write this character as an escape, never raw (issue 12): every
    /// control character and line separator, where the dialect has an escape for it.
    /// </summary>
    public virtual bool MustEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';

    /// <summary>The lexer for the body of a procedure quoted in a dollar-quoted string (the server's rules, without a client's).</summary>
    public virtual WarehouseLexer BodyLexer => this;

    /// <summary>
    /// <paramref name="value"/> as a string literal this warehouse reads back exactly, or null when it
    /// cannot hold the value (a NUL where text cannot contain one). Used to write test SQL.
    /// </summary>
    public abstract string? StringLiteral(string value);

    // ---- primitives -------------------------------------------------------------------------

    protected static SqlToken Token(TokenKind kind, string sql, int start, int end, string? value = null) =>
        new(kind, start, end - start, sql[start..end], value);

    protected static SqlToken Error(string sql, int start, int length, string problem) =>
        new(TokenKind.Error, start, length, sql.Substring(start, length), null, problem);

    protected static bool At(string sql, int i, string text) =>
        i + text.Length <= sql.Length && string.CompareOrdinal(sql, i, text, 0, text.Length) == 0;

    protected static bool AtIgnoreCase(string sql, int i, string text) =>
        i + text.Length <= sql.Length && string.Compare(sql, i, text, 0, text.Length, StringComparison.OrdinalIgnoreCase) == 0;

    /// <summary>A run of the characters <paramref name="isSpace"/> accepts.</summary>
    protected static SqlToken Whitespace(string sql, int start, Func<char, bool> isSpace)
    {
        int i = start;
        while (i < sql.Length && isSpace(sql[i])) i++;
        return Token(TokenKind.Whitespace, sql, start, i);
    }

    /// <summary>A line comment: its introducer (<c>--</c>, <c>#</c>, <c>//</c>) up to, not including, the next LF or CR.</summary>
    protected static SqlToken LineComment(string sql, int start, int introducer)
    {
        int i = start + introducer;
        while (i < sql.Length && sql[i] is not ('\n' or '\r')) i++;
        return Token(TokenKind.LineComment, sql, start, i, sql[(start + introducer)..i]);
    }

    /// <summary>A <c>/* */</c> comment; with <paramref name="nested"/> an inner <c>/*</c> needs its own <c>*/</c>.</summary>
    protected static SqlToken BlockComment(string sql, int start, bool nested)
    {
        int depth = 0, i = start;
        while (i < sql.Length)
        {
            if (At(sql, i, "/*") && (nested || depth == 0))
            {
                depth++;
                i += 2;
            }
            else if (At(sql, i, "*/"))
            {
                i += 2;
                if (--depth == 0) return Token(TokenKind.BlockComment, sql, start, i, sql[(start + 2)..(i - 2)]);
            }
            else i++;
        }
        return Error(sql, start, sql.Length - start, "an unterminated block comment");
    }

    /// <summary>
    /// A quoted run: <paramref name="prefix"/> characters (<c>E</c>, <c>r</c>...), the quote, the body, the
    /// same quote. A doubled quote stands for one when <paramref name="doubling"/>; a backslash starts an
    /// escape decoded by <paramref name="escape"/> when given. A raw LF or CR is an error unless allowed.
    /// </summary>
    protected static SqlToken Quoted(string sql, int start, int prefix, TokenKind kind, bool doubling,
        Func<string, int, Escape>? escape, bool rawLineBreaks = true)
    {
        char quote = sql[start + prefix];
        var value = new StringBuilder();
        int i = start + prefix + 1;
        while (i < sql.Length)
        {
            char c = sql[i];
            if (c == '\\' && escape is not null)
            {
                var e = escape(sql, i);
                if (e.Problem is not null) return Error(sql, start, Math.Min(sql.Length, i + e.Length) - start, e.Problem);
                value.Append(e.Value);
                i += e.Length;
            }
            else if (c == quote && doubling && i + 1 < sql.Length && sql[i + 1] == quote)
            {
                value.Append(quote);
                i += 2;
            }
            else if (c == quote) return Token(kind, sql, start, i + 1, value.ToString());
            else if (!rawLineBreaks && c is '\n' or '\r') return Error(sql, start, i + 1 - start, $"a raw line break inside {Describe(kind)}");
            else
            {
                value.Append(c);
                i++;
            }
        }
        return Error(sql, start, sql.Length - start, $"an unterminated {Describe(kind)}");
    }

    /// <summary>A <c>'''...'''</c> or <c>"""..."""</c> string (after <paramref name="prefix"/> characters), with escapes when given.</summary>
    protected static SqlToken TripleQuoted(string sql, int start, int prefix, Func<string, int, Escape>? escape)
    {
        var delimiter = new string(sql[start + prefix], 3);
        var value = new StringBuilder();
        int i = start + prefix + 3;
        while (i < sql.Length)
        {
            if (sql[i] == '\\' && escape is not null)
            {
                var e = escape(sql, i);
                if (e.Problem is not null) return Error(sql, start, Math.Min(sql.Length, i + e.Length) - start, e.Problem);
                value.Append(e.Value);
                i += e.Length;
            }
            else if (At(sql, i, delimiter)) return Token(TokenKind.StringLiteral, sql, start, i + 3, value.ToString());
            else value.Append(sql[i++]);
        }
        return Error(sql, start, sql.Length - start, "an unterminated triple-quoted string");
    }

    /// <summary>
    /// A dollar-quoted body <c>$tag$...$tag$</c> (the tag empty, or with <paramref name="tagged"/> an
    /// identifier without <c>$</c>); null when the text at <paramref name="start"/> does not open one.
    /// </summary>
    protected static SqlToken? DollarQuoted(string sql, int start, bool tagged)
    {
        int i = start + 1;
        if (tagged && i < sql.Length && IsTagStart(sql[i]))
            while (i < sql.Length && IsTagPart(sql[i])) i++;
        if (i >= sql.Length || sql[i] != '$') return null;
        var delimiter = sql[start..(i + 1)];
        int close = sql.IndexOf(delimiter, i + 1, StringComparison.Ordinal);
        if (close < 0) return Error(sql, start, sql.Length - start, $"an unterminated {delimiter} body");
        return Token(TokenKind.DollarQuoted, sql, start, close + delimiter.Length, sql[(i + 1)..close]);
    }

    private static bool IsTagStart(char c) => char.IsLetter(c) || c == '_' || c >= '\u0080';
    private static bool IsTagPart(char c) => IsTagStart(c) || char.IsAsciiDigit(c);

    /// <summary>An unquoted word: letters, digits, underscores and the extra characters given.</summary>
    protected static SqlToken Word(string sql, int start, string extra = "") =>
        Word(sql, start, c => char.IsLetterOrDigit(c) || c == '_' || extra.Contains(c));

    /// <summary>An unquoted word: the first character and every following one <paramref name="part"/> accepts.</summary>
    protected static SqlToken Word(string sql, int start, Func<char, bool> part)
    {
        int i = start + 1;
        while (i < sql.Length && part(sql[i])) i++;
        return Token(TokenKind.Word, sql, start, i);
    }

    protected static bool IsWordStart(char c) => char.IsLetter(c) || c == '_';

    /// <summary>The whitespace most dialects document: space, tab, LF, CR and form feed.</summary>
    protected static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    /// <summary>Digits with an optional fraction and exponent.</summary>
    protected static SqlToken Number(string sql, int start)
    {
        int i = start;
        while (i < sql.Length && (char.IsAsciiDigit(sql[i]) || sql[i] == '.')) i++;
        if (i < sql.Length && sql[i] is 'e' or 'E' && i + 1 < sql.Length && (char.IsAsciiDigit(sql[i + 1]) || sql[i + 1] is '+' or '-'))
        {
            i += 2;
            while (i < sql.Length && char.IsAsciiDigit(sql[i])) i++;
        }
        return Token(TokenKind.Number, sql, start, i);
    }

    protected static SqlToken Symbol(string sql, int start) =>
        sql[start] == ';' ? Token(TokenKind.Semicolon, sql, start, start + 1) : Token(TokenKind.Symbol, sql, start, start + 1);

    // ---- escapes ----------------------------------------------------------------------------

    /// <summary>A C-style letter escape (\a \b \f \n \r \t \v) when the dialect takes that letter (<paramref name="letters"/>); else null.</summary>
    protected static Escape? Letter(char letter, string letters) =>
        letters.Contains(letter) && letter switch
        {
            'a' => "\a",
            'b' => "\b",
            'f' => "\f",
            'n' => "\n",
            'r' => "\r",
            't' => "\t",
            'v' => "\v",
            _ => null,
        } is { } text ? new Escape(2, text) : null;

    /// <summary>Exactly <paramref name="digits"/> hex digits after <paramref name="at"/> as a code point, or null.</summary>
    protected static int? Hex(string sql, int at, int digits)
    {
        if (at + digits > sql.Length) return null;
        var text = sql.Substring(at, digits);
        return text.All(char.IsAsciiHexDigit) ? int.Parse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>From 1 up to <paramref name="max"/> hex digits after <paramref name="at"/>: (value, digits read), or null.</summary>
    protected static (int Value, int Digits)? HexUpTo(string sql, int at, int max)
    {
        int n = 0;
        while (n < max && at + n < sql.Length && char.IsAsciiHexDigit(sql[at + n])) n++;
        return n == 0 ? null : (int.Parse(sql.AsSpan(at, n), NumberStyles.HexNumber, CultureInfo.InvariantCulture), n);
    }

    /// <summary>From 1 up to <paramref name="max"/> octal digits at <paramref name="at"/>: (value, digits read), or null.</summary>
    protected static (int Value, int Digits)? Octal(string sql, int at, int max)
    {
        int value = 0, n = 0;
        while (n < max && at + n < sql.Length && sql[at + n] is >= '0' and <= '7') value = value * 8 + (sql[at + n++] - '0');
        return n == 0 ? null : (value, n);
    }

    /// <summary>Whether the text has a surrogate without its pair (UTF-8 cannot encode it).</summary>
    public static bool HasLoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return true;
        }
        return false;
    }

    /// <summary>A code point as text; null for a surrogate or a value beyond Unicode.</summary>
    protected static string? CodePoint(int value) =>
        value is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32(value) : null;

    /// <summary>
    /// '...' with backslash escapes for the quote, the backslash and every control character or line
    /// separator (\n \r \t; else what <paramref name="control"/> writes, or \uXXXX): the form
    /// BigQuery, Snowflake, Databricks and PostgreSQL's E'...' share. Null for a lone surrogate, which
    /// no script can carry.
    /// </summary>
    protected static string? BackslashEscaped(string value, Func<char, string?>? control = null)
    {
        if (HasLoneSurrogate(value)) return null;
        var sb = new StringBuilder("'");
        foreach (char c in value)
        {
            sb.Append(c switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when control?.Invoke(c) is { } written => written,
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => UnicodeEscapes(c),
                _ => c.ToString(),
            });
        }
        return sb.Append('\'').ToString();
    }

    /// <summary>The escape of a code point as the escape sequence <c>\uXXXX</c> (UTF-16 units).</summary>
    protected static string UnicodeEscapes(char c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    private static string Describe(TokenKind kind) => kind switch
    {
        TokenKind.QuotedIdentifier => "quoted identifier",
        _ => "string literal",
    };
}
