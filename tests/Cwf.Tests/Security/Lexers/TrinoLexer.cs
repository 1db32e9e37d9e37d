using System.Text;

namespace Cwf.Tests.Security.Lexers;

/// <summary>
/// Trino (its grammar SqlBase.g4 and the string decoding of its AstBuilder; spec/dialects.md
/// "Quoting rules"): '...' strings with a doubled quote and no backslash escapes; U&amp;'...'
/// strings whose escape character (a backslash, or the one UESCAPE names) starts \XXXX or \+XXXXXX
/// (never a surrogate) or doubles itself; "..." identifiers with a doubled quote; backquoted
/// identifiers are refused; -- comments end at CR or LF, /* */ comments do not nest; whitespace is
/// space, tab, CR and LF only. Words are case insensitive ASCII letters, digits and underscores.
/// </summary>
public sealed class TrinoLexer : WarehouseLexer
{
    public override string DialectName => "trino";

    protected override SqlToken Next(string sql, int start)
    {
        char c = sql[start];
        if (c is ' ' or '\t' or '\r' or '\n') return Whitespace(sql, start, ch => ch is ' ' or '\t' or '\r' or '\n');
        if (At(sql, start, "--")) return LineComment(sql, start, 2);
        if (At(sql, start, "/*")) return BlockComment(sql, start, nested: false);
        if (c == '\'') return Quoted(sql, start, 0, TokenKind.StringLiteral, doubling: true, null);
        if (AtIgnoreCase(sql, start, "U&'")) return UnicodeString(sql, start);
        if (c is 'X' or 'x' && At(sql, start + 1, "'")) return Quoted(sql, start, 1, TokenKind.StringLiteral, doubling: false, null);
        if (c == '"')
        {
            var name = Quoted(sql, start, 0, TokenKind.QuotedIdentifier, doubling: true, null);
            return name.Kind == TokenKind.QuotedIdentifier && name.Value!.Length == 0 ? Error(sql, start, name.Length, "an empty quoted identifier") : name;
        }
        if (c == '`')
        {
            var name = Quoted(sql, start, 0, TokenKind.QuotedIdentifier, doubling: true, null);
            return Error(sql, start, name.Length, "a backquoted identifier (not supported)");
        }
        if (char.IsAsciiLetter(c) || c == '_') return Word(sql, start, ch => char.IsAsciiLetterOrDigit(ch) || ch == '_');
        if (char.IsAsciiDigit(c)) return Number(sql, start);
        return Symbol(sql, start);
    }

    /// <summary>
    /// U&amp;'...' [UESCAPE 'c']: the quoted text (quotes doubled) decoded with its escape character, the
    /// UESCAPE clause part of the token.
    /// </summary>
    private static SqlToken UnicodeString(string sql, int start)
    {
        var raw = Quoted(sql, start, 2, TokenKind.StringLiteral, doubling: true, null);
        if (raw.Kind == TokenKind.Error) return raw;
        char escape = '\\';
        int end = raw.End;
        int i = end;
        while (i < sql.Length && sql[i] is ' ' or '\t' or '\r' or '\n') i++;
        if (AtIgnoreCase(sql, i, "UESCAPE") && !(i + 7 < sql.Length && (char.IsAsciiLetterOrDigit(sql[i + 7]) || sql[i + 7] == '_')))
        {
            int j = i + 7;
            while (j < sql.Length && sql[j] is ' ' or '\t' or '\r' or '\n') j++;
            var given = j < sql.Length && sql[j] == '\'' ? Quoted(sql, j, 0, TokenKind.StringLiteral, doubling: true, null) : null;
            if (given is not { Kind: TokenKind.StringLiteral, Value: { Length: 1 } text } || !ValidEscape(text[0]))
                return Error(sql, start, (given?.End ?? j) - start, "an invalid UESCAPE character");
            escape = text[0];
            end = given.End;
        }
        var value = Decode(raw.Value!, escape, out var problem);
        return value is null ? Error(sql, start, end - start, problem!) : Token(TokenKind.StringLiteral, sql, start, end, value);
    }

    /// <summary>Trino's rule for a UESCAPE character: printable ASCII, not a hex digit, '+', '"' or a quote.</summary>
    private static bool ValidEscape(char c) => c is > ' ' and < '\u007F' && !char.IsAsciiHexDigit(c) && c is not ('"' or '+' or '\'');

    private static string? Decode(string body, char escape, out string? problem)
    {
        var sb = new StringBuilder(body.Length);
        problem = null;
        for (int i = 0; i < body.Length; i++)
        {
            if (body[i] != escape)
            {
                sb.Append(body[i]);
                continue;
            }
            if (i + 1 < body.Length && body[i + 1] == escape)
            {
                sb.Append(escape);
                i++;
                continue;
            }
            bool big = i + 1 < body.Length && body[i + 1] == '+';
            int digits = big ? 6 : 4;
            int at = big ? i + 2 : i + 1;
            if (Hex(body, at, digits) is not { } code || CodePoint(code) is not { } text)
            {
                problem = "an invalid Unicode escape (a surrogate, a value beyond U+10FFFF or a missing hex digit)";
                return null;
            }
            sb.Append(text);
            i = at + digits - 1;
        }
        return sb.ToString();
    }

    /// <summary>A Unicode string with every control character, line separator and backslash escaped, else '...' with doubled quotes.</summary>
    public override string? StringLiteral(string value)
    {
        if (HasLoneSurrogate(value)) return null;
        if (!value.Any(MustEscape)) return "'" + value.Replace("'", "''") + "'";
        var sb = new StringBuilder("U&'");
        foreach (char c in value)
        {
            if (MustEscape(c)) sb.Append('\\').Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(c switch { '\'' => "''", '\\' => "\\\\", _ => c.ToString() });
        }
        return sb.Append('\'').ToString();
    }
}
