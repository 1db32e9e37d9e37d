using System.Globalization;
using System.Text;

namespace Cwf.Tests.Security.Lexers;

/// <summary>
/// Amazon Redshift (PostgreSQL 8.0.2 heritage; spec/dialects.md "Quoting rules"): a backslash is an
/// escape in every string literal, '...' included (QUOTE_LITERAL doubles backslashes), and a quote
/// is doubled; "..." identifiers, $tag$ bodies (procedures), -- and nested /* */ comments as in
/// PostgreSQL. Scripts are run with psql too, so psql's meta-commands and variables count.
/// </summary>
public sealed class RedshiftLexer(bool psql = true) : WarehouseLexer
{
    public override string DialectName => "redshift";

    public override WarehouseLexer BodyLexer => psql ? new RedshiftLexer(psql: false) : this;

    protected override SqlToken Next(string sql, int start) => PostgresLexer.Standard(sql, start, new PostgresLexer.Rules(psql, BackslashInPlainStrings: true, UnicodeEscapes: true));

    /// <summary>Octal and hex escapes write bytes, so only the C0 controls and DEL have an escape of their own.</summary>
    public override bool MustEscape(char c) => c < ' ' || c == '\u007F';

    /// <summary>'...' with doubled quotes, escaped backslashes and C0 controls as octal escapes; null for a NUL.</summary>
    public override string? StringLiteral(string value)
    {
        if (value.Contains('\0') || HasLoneSurrogate(value)) return null;
        var sb = new StringBuilder("'");
        foreach (char c in value)
        {
            sb.Append(c switch
            {
                '\\' => "\\\\",
                '\'' => "''",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' or '\u007F' => "\\" + Convert.ToString(c, 8).PadLeft(3, '0'),
                _ => c.ToString(CultureInfo.InvariantCulture),
            });
        }
        return sb.Append('\'').ToString();
    }
}
