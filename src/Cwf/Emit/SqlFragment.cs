namespace Cwf.Emit;

/// <summary>How tightly a rendered SQL expression binds, to decide where parentheses are needed.</summary>
public static class Precedence
{
    /// <summary>Unknown shape (an infix template, raw SQL): parenthesised inside any operator.</summary>
    public const int Lowest = 0;
    public const int Or = 20;
    public const int And = 30;
    public const int Not = 40;
    /// <summary>=, &lt;&gt;, &lt;, LIKE, IN, BETWEEN, IS NULL: non-associative.</summary>
    public const int Comparison = 50;
    public const int Concat = 65;
    public const int Additive = 70;
    public const int Multiplicative = 80;
    public const int Unary = 90;
    /// <summary>Names, literals, function calls, CASE, CAST, anything in parentheses.</summary>
    public const int Atom = 100;
}

/// <summary>A rendered SQL expression and how tightly it binds.</summary>
public readonly record struct SqlFragment(string Text, int Precedence)
{
    public static SqlFragment Atom(string text) => new(text, Emit.Precedence.Atom);

    /// <summary>The text, parenthesised when it binds less tightly than <paramref name="minimum"/>.</summary>
    public string Wrap(int minimum) => Precedence >= minimum ? Text : "(" + Text + ")";

    /// <summary>
    /// The text, parenthesised when it is a logical expression (AND, OR, NOT): as a select item, a
    /// grouping key or an IN item, `(a OR b)` reads unambiguously, and several SQL parsers reject a
    /// bare AND/OR/NOT there.
    /// </summary>
    public string ListItem => IsLogical(Precedence) ? "(" + Text + ")" : Text;

    /// <summary>Whether SQL of this precedence is a logical expression (AND, OR, NOT).</summary>
    public static bool IsLogical(int precedence) => precedence is >= Emit.Precedence.Or and < Emit.Precedence.Comparison;

    public override string ToString() => Text;
}
