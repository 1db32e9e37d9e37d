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

    /// <summary>Whether a backslash in a string literal starts an escape (BigQuery, Snowflake, Redshift, Databricks).</summary>
    protected virtual bool BackslashEscapesInStrings => false;

    /// <summary>How a single quote is written inside a string literal.</summary>
    protected virtual string QuoteEscape => BackslashEscapesInStrings ? "\\'" : "''";

    /// <summary>
    /// A string literal: the one way a string value reaches SQL. Standard SQL doubles quotes and
    /// writes control characters through an <c>E'...'</c> escape string; backslash dialects escape
    /// quotes, backslashes and control characters with backslashes. Never a raw line break (it
    /// would be indented with the script).
    /// </summary>
    protected virtual SqlFragment StringLiteral(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        bool escaped = false;
        foreach (char c in s)
        {
            switch (c)
            {
                case '\'':
                    sb.Append(QuoteEscape);
                    break;
                case '\\':
                    sb.Append(BackslashEscapesInStrings || escaped ? "\\\\" : "\\");
                    break;
                case '\n' or '\r' or '\t':
                    if (!BackslashEscapesInStrings && !escaped)
                    {
                        // Switch to an escape string: backslashes written so far must be doubled.
                        escaped = true;
                        sb.Replace("\\", "\\\\");
                    }
                    sb.Append(c switch { '\n' => "\\n", '\r' => "\\r", _ => "\\t" });
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
        return SqlFragment.Atom((escaped ? "E'" : "'") + sb + "'");
    }
}
