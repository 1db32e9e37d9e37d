using System.Globalization;
using System.Text;
using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>Literals: each IR value written so that the warehouse reads it back with the IR's type.</summary>
public abstract partial class Dialect
{
    /// <summary>A typed literal: the value (as in <see cref="Ir.Literal"/>) written so that the warehouse reads it as <paramref name="type"/>.</summary>
    public virtual SqlFragment Literal(object? value, SqlType type) => value switch
    {
        null => TypeName(type) is { } t ? SqlFragment.Atom($"CAST(NULL AS {t})") : SqlFragment.Atom("NULL"),
        bool b => SqlFragment.Atom(b ? "TRUE" : "FALSE"),
        long l => new SqlFragment(l.ToString(CultureInfo.InvariantCulture), l < 0 ? Precedence.Unary : Precedence.Atom),
        double d => FloatLiteral(d),
        decimal m => DecimalLiteral(m),
        string s => StringLiteral(s),
        DateOnly d => SqlFragment.Atom($"DATE '{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'"),
        DateTime t => SqlFragment.Atom($"TIMESTAMP '{TimestampText(t)}'"),
        _ => throw new InvalidOperationException($"Unexpected literal value of type {value.GetType().Name}."),
    };

    protected static string TimestampText(DateTime t) =>
        t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');

    /// <summary>Text for a finite double that every warehouse reads back exactly (1.0, not 1).</summary>
    protected static string DoubleText(double d) => ExprPrinter.FormatDouble(d);

    /// <summary>Default: a cast, because a bare <c>1.5</c> is an exact decimal on most warehouses.</summary>
    protected virtual SqlFragment FloatLiteral(double d)
    {
        string type = TypeName(SqlType.Float64)!;
        if (double.IsNaN(d)) return SqlFragment.Atom($"CAST('NaN' AS {type})");
        if (double.IsInfinity(d)) return SqlFragment.Atom($"CAST('{(d > 0 ? "Infinity" : "-Infinity")}' AS {type})");
        return SqlFragment.Atom($"CAST({DoubleText(d)} AS {type})");
    }

    protected virtual SqlFragment DecimalLiteral(decimal m) =>
        SqlFragment.Atom($"CAST({m.ToString(CultureInfo.InvariantCulture)} AS {TypeName(SqlType.Decimal)})");

    /// <summary>
    /// Whether the warehouse's text can hold a NUL (U+0000). Where it cannot (PostgreSQL, Redshift,
    /// DuckDB) a string value with one is CWF6060 before anything is written.
    /// </summary>
    public virtual bool StringsHoldNul => true;

    /// <summary>
    /// A string literal: the one way a string value reaches SQL, never with a raw control character
    /// or line separator where the dialect has an escape for it (issue 12). Standard SQL (the
    /// default: PostgreSQL, DuckDB) doubles quotes and, when a character needs an escape, writes
    /// an escape string <c>E'...'</c> in which backslashes are doubled and the characters take
    /// <see cref="EscapeStringCharacter"/>.
    /// </summary>
    protected virtual SqlFragment StringLiteral(string s) =>
        SqlFragment.Atom(s.Any(c => EscapeStringCharacter(c) is not null)
            ? "E" + EscapedString(s, "''", EscapeStringCharacter)
            : "'" + s.Replace("'", "''") + "'");

    /// <summary>
    /// The escape of a character inside <c>E'...'</c>, or null when it is written as it is:
    /// <c>\n \r \t</c>, another C0 control or DEL as a byte <c>\xHH</c> (a NUL the server refuses),
    /// a C1 control or U+2028/U+2029 as <c>\uXXXX</c>.
    /// </summary>
    protected virtual string? EscapeStringCharacter(char c) => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        < ' ' or '\u007F' => "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture),
        _ when IsLineBreaking(c) => UnicodeEscape(c),
        _ => null,
    };

    /// <summary>
    /// <paramref name="s"/> between single quotes, a quote written as <paramref name="quote"/>, a
    /// backslash doubled and every character <paramref name="escape"/> has an escape for escaped:
    /// the body of any string literal whose backslashes escape.
    /// </summary>
    protected static string EscapedString(string s, string quote, Func<char, string?> escape)
    {
        var sb = new StringBuilder(s.Length + 2).Append('\'');
        foreach (char c in s)
        {
            if (c == '\'') sb.Append(quote);
            else if (c == '\\') sb.Append("\\\\");
            else if (escape(c) is { } escaped) sb.Append(escaped);
            else sb.Append(c);
        }
        return sb.Append('\'').ToString();
    }

    /// <summary>
    /// The escapes of BigQuery, Snowflake and Databricks literals: <c>\n \r \t</c>, any other control
    /// character (a NUL included) or U+2028/U+2029 as <c>\uXXXX</c>, which all three read.
    /// </summary>
    protected static string? BackslashEscape(char c) => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        _ when IsLineBreaking(c) => UnicodeEscape(c),
        _ => null,
    };

    /// <summary>Control characters (C0, DEL, C1) and the Unicode line and paragraph separators: never raw in a literal or a comment.</summary>
    protected static bool IsLineBreaking(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';

    /// <summary><c>\uXXXX</c>: the code unit in four hex digits.</summary>
    protected static string UnicodeEscape(char c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
}
