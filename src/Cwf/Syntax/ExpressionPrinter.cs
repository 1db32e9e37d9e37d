using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Cwf.Ir;
using Cwf.Syntax.Internal;

namespace Cwf.Syntax;

/// <summary>
/// Prints expression syntax in canonical .cwf form: lower-case keywords, single spaces around
/// binary operators, <c>=</c> and <c>!=</c> for equality, names quoted only when they must be,
/// and parentheses where the user wrote them or where precedence needs them (trees built in
/// code have no parentheses nodes).
/// </summary>
internal static partial class ExpressionPrinter
{
    // Binding strength, loosest first; mirrors the grammar's rule levels.
    private const int Or = 1, And = 2, Not = 3, Predicate = 4, Concat = 5, Additive = 6, Multiplicative = 7, Prefix = 8, Postfix = 9, Primary = 10;

    public static string Print(ExpressionSyntax expression)
    {
        var sb = new StringBuilder();
        Write(sb, expression, 0);
        return sb.ToString();
    }

    public static void Write(StringBuilder sb, ExpressionSyntax expression) => Write(sb, expression, 0);

    /// <summary>A name as .cwf reads it back: bare when possible, else in backticks.</summary>
    public static string Name(string name) =>
        BareName().IsMatch(name) && !TokenFacts.ReservedWords.Contains(name) ? name : "`" + name.Replace("`", "``") + "`";

    public static string Name(NameSyntax name) => string.Join(".", name.Parts.Select(p => Name(p.Name)));

    /// <summary>A string literal: single quotes, a quote inside written twice.</summary>
    public static string StringLiteral(string value) => "'" + value.Replace("'", "''") + "'";

    private static void Write(StringBuilder sb, ExpressionSyntax e, int minimum)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        bool parenthesize = Level(e) < minimum;
        if (parenthesize) sb.Append('(');
        switch (e)
        {
            case NameSyntax n:
                sb.Append(Name(n));
                break;
            case LiteralSyntax l:
                sb.Append(l.Kind switch
                {
                    LiteralKind.String => StringLiteral(l.Text),
                    LiteralKind.True => "true",
                    LiteralKind.False => "false",
                    LiteralKind.Null => "null",
                    _ => l.Text,
                });
                break;
            case TypedLiteralSyntax t:
                sb.Append(t.Kind.ToString().ToLowerInvariant()).Append(' ').Append(StringLiteral(t.Value));
                break;
            case QuantitySyntax q:
                Write(sb, q.Value, Primary);
                sb.Append(' ').Append(q.Unit);
                break;
            case ParameterSyntax p:
                sb.Append('@').Append(p.Name);
                break;
            case UnarySyntax u:
                WriteUnary(sb, u);
                break;
            case BinarySyntax b when LongChain(b) is { } operands:
                // The parser builds a long and/or/|| chain as a balanced tree (OperatorChain): it is written flat, as it was read.
                for (int i = 0; i < operands.Count; i++)
                {
                    if (i > 0) sb.Append(' ').Append(Operator(b.Operator)).Append(' ');
                    Write(sb, operands[i], Level(b) + 1);
                }
                break;
            case BinarySyntax b:
                int level = Level(b);
                // Comparisons do not chain in SQL: an operand that is itself a predicate gets parentheses.
                int right = level == Predicate ? Concat : level + 1;
                Write(sb, b.Left, level == Predicate ? Concat : level);
                sb.Append(' ').Append(Operator(b.Operator)).Append(' ');
                Write(sb, b.Right, right);
                break;
            case IsNullSyntax n:
                Write(sb, n.Operand, Concat);
                sb.Append(n.Negated ? " is not null" : " is null");
                break;
            case InListSyntax i:
                Write(sb, i.Operand, Concat);
                sb.Append(i.Negated ? " not in (" : " in (");
                WriteList(sb, i.Items);
                sb.Append(')');
                break;
            case BetweenSyntax b:
                Write(sb, b.Operand, Concat);
                sb.Append(b.Negated ? " not between " : " between ");
                Write(sb, b.Low, Concat);
                sb.Append(" and ");
                Write(sb, b.High, Concat);
                break;
            case LikeSyntax l:
                Write(sb, l.Operand, Concat);
                sb.Append(l.Negated ? " not like " : " like ");
                Write(sb, l.Pattern, Concat);
                break;
            case CaseSyntax c:
                sb.Append("case");
                if (c.Operand is not null)
                {
                    sb.Append(' ');
                    Write(sb, c.Operand, 0);
                }
                foreach (var w in c.Whens)
                {
                    sb.Append(" when ");
                    Write(sb, w.Condition, 0);
                    sb.Append(" then ");
                    Write(sb, w.Result, 0);
                }
                if (c.Else is not null)
                {
                    sb.Append(" else ");
                    Write(sb, c.Else, 0);
                }
                sb.Append(" end");
                break;
            case CastSyntax { Shorthand: true } c:
                Write(sb, c.Operand, Postfix);
                sb.Append("::").Append(c.Type.Text);
                break;
            case CastSyntax c:
                sb.Append("cast(");
                Write(sb, c.Operand, 0);
                sb.Append(" as ").Append(c.Type.Text).Append(')');
                break;
            case CallSyntax call:
                sb.Append(string.Join(".", call.Name.Select(n => Name(n.Name)))).Append('(');
                if (call.Distinct) sb.Append("distinct ");
                WriteList(sb, call.Arguments);
                if (!call.OrderBy.IsEmpty) sb.Append(" order by ").Append(WindowKeys(call.OrderBy));
                sb.Append(')');
                break;
            case WindowCallSyntax w:
                Write(sb, w.Call, 0);
                sb.Append(" over (").Append(Window(w.Window)).Append(')');
                break;
            case StarSyntax s:
                if (s.Qualifier is not null) sb.Append(Name(s.Qualifier.Name)).Append('.');
                sb.Append('*');
                break;
            case ParenthesizedSyntax p:
                sb.Append('(');
                Write(sb, p.Inner, 0);
                sb.Append(')');
                break;
            default:
                throw new InvalidOperationException($"Unexpected syntax {e.GetType().Name}.");
        }
        if (parenthesize) sb.Append(')');
    }

    /// <summary>The inside of <c>over (...)</c>: <c>partition by a order by t desc nulls first rows between ...</c>.</summary>
    private static string Window(WindowSyntax window)
    {
        var parts = new List<string>();
        if (!window.PartitionBy.IsEmpty) parts.Add("partition by " + string.Join(", ", window.PartitionBy.Select(Print)));
        if (!window.OrderBy.IsEmpty) parts.Add("order by " + WindowKeys(window.OrderBy));
        if (window.Frame is { } frame) parts.Add(frame.ToString());
        return string.Join(" ", parts);
    }

    /// <summary>Order keys as written back: <c>ts desc, id nulls first</c> (NULLs last is the default and not written).</summary>
    public static string WindowKeys(Seq<WindowKeySyntax> keys) =>
        string.Join(", ", keys.Select(k => Print(k.Expression) + (k.Descending ? " desc" : "") + (k.NullsFirst ? " nulls first" : "")));

    // The operands of a chain of one associative operator longer than OperatorChain.MaxLeftDeep, or null.
    // A short chain is only counted up to that bound, so asking at each of its nodes stays linear in all.
    private static List<ExpressionSyntax>? LongChain(BinarySyntax b)
    {
        if (b.Operator is not (BinaryOperator.And or BinaryOperator.Or or BinaryOperator.Concat)) return null;
        if (Operands(b, OperatorChain.MaxLeftDeep + 1).Count <= OperatorChain.MaxLeftDeep) return null;
        return Operands(b, int.MaxValue);
    }

    // The chain's operands left to right (through children with the same operator, not through parentheses), at most `limit`.
    private static List<ExpressionSyntax> Operands(BinarySyntax b, int limit)
    {
        var operands = new List<ExpressionSyntax>();
        var pending = new Stack<ExpressionSyntax>();
        pending.Push(b);
        while (operands.Count < limit && pending.TryPop(out var e))
        {
            if (e is BinarySyntax same && same.Operator == b.Operator)
            {
                pending.Push(same.Right);
                pending.Push(same.Left);
            }
            else operands.Add(e);
        }
        return operands;
    }

    private static void WriteUnary(StringBuilder sb, UnarySyntax u)
    {
        if (u.Operator == UnaryOperator.Not)
        {
            sb.Append("not ");
            Write(sb, u.Operand, Not);
            return;
        }
        sb.Append(u.Operator == UnaryOperator.Minus ? '-' : '+');
        // "--" would start a comment and "+-" reads badly: a signed operand gets parentheses.
        bool signed = u.Operand is UnarySyntax { Operator: not UnaryOperator.Not } || u.Operand is LiteralSyntax { Text: ['-', ..] };
        Write(sb, u.Operand, signed ? Primary + 1 : Prefix);
    }

    private static void WriteList(StringBuilder sb, IEnumerable<ExpressionSyntax> items)
    {
        bool first = true;
        foreach (var item in items)
        {
            if (!first) sb.Append(", ");
            first = false;
            Write(sb, item, 0);
        }
    }

    private static int Level(ExpressionSyntax e) => e switch
    {
        BinarySyntax b => b.Operator switch
        {
            BinaryOperator.Or => Or,
            BinaryOperator.And => And,
            BinaryOperator.Concat => Concat,
            BinaryOperator.Add or BinaryOperator.Subtract => Additive,
            BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Modulo => Multiplicative,
            _ => Predicate,
        },
        UnarySyntax { Operator: UnaryOperator.Not } => Not,
        UnarySyntax => Prefix,
        IsNullSyntax or InListSyntax or BetweenSyntax or LikeSyntax => Predicate,
        CastSyntax { Shorthand: true } => Postfix,
        LiteralSyntax { Kind: LiteralKind.Integer or LiteralKind.Float, Text: ['-', ..] } => Prefix,
        _ => Primary,
    };

    public static string Operator(BinaryOperator op) => op switch
    {
        BinaryOperator.Or => "or",
        BinaryOperator.And => "and",
        BinaryOperator.Equal => "=",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.Concat => "||",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        _ => "%",
    };

    [GeneratedRegex(@"^[\p{L}_][\p{L}\p{N}_$]*$")]
    private static partial Regex BareName();
}
