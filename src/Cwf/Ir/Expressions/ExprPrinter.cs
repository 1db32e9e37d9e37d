using System.Globalization;
using System.Text;

namespace Cwf.Ir;

/// <summary>
/// Prints an expression in a compact, fully parenthesised, deterministic form used by
/// `cwf explain`, IR dumps and test failure messages. Not SQL: a column of a join's right
/// input prints as <c>[1].name</c>, a parameter as <c>@name</c>.
/// </summary>
public static class ExprPrinter
{
    public static string Print(Expr expr)
    {
        var sb = new StringBuilder();
        Write(sb, expr);
        return sb.ToString();
    }

    public static string Literal(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        string s => "'" + s.Replace("'", "''") + "'",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => FormatDouble(d),
        decimal m => "decimal '" + m.ToString(CultureInfo.InvariantCulture) + "'",
        DateOnly d => "date '" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'",
        DateTime t => "timestamp '" + t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture).TrimEnd('.') + "'",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "?",
    };

    /// <summary>Round-trippable text for a double that always reads back as a float (1.0, not 1).</summary>
    public static string FormatDouble(double d)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsInfinity(d)) return d > 0 ? "inf" : "-inf";
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }

    public static string Operator(BinaryOp op) => op switch
    {
        BinaryOp.Add => "+",
        BinaryOp.Subtract => "-",
        BinaryOp.Multiply => "*",
        BinaryOp.Divide => "/",
        BinaryOp.Modulo => "%",
        BinaryOp.Concat => "||",
        BinaryOp.Equal => "=",
        BinaryOp.NotEqual => "<>",
        BinaryOp.Less => "<",
        BinaryOp.LessOrEqual => "<=",
        BinaryOp.Greater => ">",
        BinaryOp.GreaterOrEqual => ">=",
        BinaryOp.And => "and",
        BinaryOp.Or => "or",
        _ => op.ToString(),
    };

    private static void Write(StringBuilder sb, Expr expr)
    {
        switch (expr)
        {
            case ColumnRef c:
                if (c.Input != 0) sb.Append('[').Append(c.Input).Append("].");
                sb.Append(c.Name);
                break;
            case Literal l:
                sb.Append(Literal(l.Value));
                if (l.Value is null && l.Type != SqlType.Unknown) sb.Append("::").Append(l.Type.Name());
                break;
            case ParamRef p:
                sb.Append('@').Append(p.Name);
                break;
            case Unary u:
                Parenthesized(sb, u.Op == UnaryOp.Not ? "not " : "-", u.Operand);
                break;
            case Binary b:
                Parenthesized(sb, b.Left, $" {Operator(b.Op)} ", b.Right);
                break;
            case IsNull n:
                Parenthesized(sb, n.Operand, n.Negated ? " is not null" : " is null");
                break;
            case InList i:
                sb.Append('(');
                Write(sb, i.Operand);
                sb.Append(i.Negated ? " not in (" : " in (");
                WriteList(sb, i.Items);
                sb.Append("))");
                break;
            case Between bt:
                Parenthesized(sb, bt.Operand, bt.Negated ? " not between " : " between ", bt.Low, " and ", bt.High);
                break;
            case Like lk:
                Parenthesized(sb, lk.Operand, lk.Negated ? " not like " : " like ", lk.Pattern);
                break;
            case Case cs:
                sb.Append("case");
                foreach (var w in cs.Whens)
                {
                    sb.Append(" when ");
                    Write(sb, w.Condition);
                    sb.Append(" then ");
                    Write(sb, w.Result);
                }
                if (cs.Else is not null)
                {
                    sb.Append(" else ");
                    Write(sb, cs.Else);
                }
                sb.Append(" end");
                break;
            case Cast ct:
                sb.Append("cast(");
                Write(sb, ct.Operand);
                sb.Append(" as ").Append(ct.Type.Name()).Append(')');
                break;
            case Call call:
                sb.Append(call.Function.Name).Append('(');
                WriteList(sb, call.Args);
                sb.Append(')');
                break;
            case RawSql raw:
                sb.Append("sql{").Append(raw.Sql).Append('}');
                break;
            default:
                throw new InvalidOperationException($"Unexpected expression {expr.GetType().Name}.");
        }
    }

    /// <summary>An operator form in parentheses: each part an operand (an <see cref="Expr"/>) or the text between operands.</summary>
    private static void Parenthesized(StringBuilder sb, params ReadOnlySpan<object> parts)
    {
        sb.Append('(');
        foreach (var part in parts)
        {
            if (part is Expr operand) Write(sb, operand);
            else sb.Append((string)part);
        }
        sb.Append(')');
    }

    private static void WriteList(StringBuilder sb, Seq<Expr> items)
    {
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            Write(sb, items[i]);
        }
    }
}
