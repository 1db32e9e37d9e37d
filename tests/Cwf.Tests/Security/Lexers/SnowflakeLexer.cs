namespace Cwf.Tests.Security.Lexers;

/// <summary>
/// Snowflake (spec/dialects.md "Quoting rules"): '...' strings take a doubled quote or backslash
/// escapes (\' \" \\ \b \f \n \r \t \0, octal \ooo, hex \xhh, \uhhhh; any other \c is c), $$...$$
/// strings and procedure bodies without escapes or tags, "..." identifiers with a doubled quote,
/// and three comment forms: --, // and /* */ (not nested).
/// </summary>
public sealed class SnowflakeLexer : WarehouseLexer
{
    public override string DialectName => "snowflake";

    protected override SqlToken Next(string sql, int start)
    {
        char c = sql[start];
        if (IsSpace(c)) return Whitespace(sql, start, IsSpace);
        if (At(sql, start, "--") || At(sql, start, "//")) return LineComment(sql, start, 2);
        if (At(sql, start, "/*")) return BlockComment(sql, start, nested: false);
        if (c == '\'') return Quoted(sql, start, 0, TokenKind.StringLiteral, doubling: true, Escape);
        if (c == '"')
        {
            var name = Quoted(sql, start, 0, TokenKind.QuotedIdentifier, doubling: true, null);
            return name.Kind == TokenKind.QuotedIdentifier && name.Value!.Length == 0 ? Error(sql, start, name.Length, "an empty quoted identifier") : name;
        }
        if (At(sql, start, "$$")) return DollarQuoted(sql, start, tagged: false)!;
        if (IsWordStart(c)) return Word(sql, start, "$");
        if (char.IsAsciiDigit(c)) return Number(sql, start);
        return Symbol(sql, start);
    }

    private static Escape Escape(string sql, int at)
    {
        if (at + 1 >= sql.Length) return Lexers.Escape.Invalid(1, "a backslash at the end of the script");
        char n = sql[at + 1];
        if (Letter(n, "bfnrt") is { } letter) return letter;
        switch (n)
        {
            case >= '0' and <= '7':
            {
                var (value, digits) = Octal(sql, at + 1, 3)!.Value;
                return new Escape(1 + digits, ((char)value).ToString());
            }
            case 'x':
                return Hex(sql, at + 2, 2) is { } hex ? new Escape(4, ((char)hex).ToString()) : Lexers.Escape.Invalid(2, "an invalid \\x escape");
            case 'u':
                return Hex(sql, at + 2, 4) is { } code && CodePoint(code) is { } text ? new Escape(6, text) : Lexers.Escape.Invalid(2, "an invalid \\u escape");
            default:
                return new Escape(2, n.ToString());
        }
    }

    public override string? StringLiteral(string value) => BackslashEscaped(value);
}
