namespace Cwf.Tests.Security.Lexers;

/// <summary>
/// Databricks SQL (the STRING type and comment references; spec/dialects.md "Quoting rules"):
/// '...' and "..." are strings whose backslash escapes are \0 \b \n \r \t \Z, \% and \_ (kept
/// with their backslash), \uXXXX and octal \ooo, any other \c being c; a doubled quote is not an
/// escape (two adjacent literals); r'...' is raw; `...` identifiers double their backtick; --
/// comments end at the line's end and /* */ comments nest. No dollar quoting in SQL.
/// </summary>
public sealed class DatabricksLexer : WarehouseLexer
{
    public override string DialectName => "databricks";

    protected override SqlToken Next(string sql, int start)
    {
        char c = sql[start];
        if (IsSpace(c)) return Whitespace(sql, start, IsSpace);
        if (At(sql, start, "--")) return LineComment(sql, start, 2);
        if (At(sql, start, "/*")) return BlockComment(sql, start, nested: true);
        if (c is 'r' or 'R' && start + 1 < sql.Length && sql[start + 1] is '\'' or '"')
            return Quoted(sql, start, 1, TokenKind.StringLiteral, doubling: false, null);
        if (c is '\'' or '"') return Quoted(sql, start, 0, TokenKind.StringLiteral, doubling: false, Escape);
        if (c == '`')
        {
            var name = Quoted(sql, start, 0, TokenKind.QuotedIdentifier, doubling: true, null);
            return name.Kind == TokenKind.QuotedIdentifier && name.Value!.Length == 0 ? Error(sql, start, name.Length, "an empty quoted identifier") : name;
        }
        if (IsWordStart(c)) return Word(sql, start);
        if (char.IsAsciiDigit(c)) return Number(sql, start);
        return Symbol(sql, start);
    }

    private static Escape Escape(string sql, int at)
    {
        if (at + 1 >= sql.Length) return Lexers.Escape.Invalid(1, "a backslash at the end of the script");
        char n = sql[at + 1];
        if (Letter(n, "bnrt") is { } letter) return letter;
        switch (n)
        {
            case '0' when Octal(sql, at + 1, 3) is not { Digits: 3 }: return new Escape(2, "\0");
            case 'Z': return new Escape(2, "\u001A");
            case '%' or '_': return new Escape(2, "\\" + n);
            case 'u':
                return Hex(sql, at + 2, 4) is { } code && CodePoint(code) is { } text ? new Escape(6, text) : Lexers.Escape.Invalid(2, "an invalid \\u escape");
            case >= '0' and <= '3' when Octal(sql, at + 1, 3) is { Digits: 3 } octal:
                return new Escape(4, ((char)octal.Value).ToString());
            default:
                return new Escape(2, n.ToString());
        }
    }

    public override string? StringLiteral(string value) => BackslashEscaped(value);
}
