using Cwf.Ir;

namespace Cwf.Syntax;

/// <summary>
/// An expression as written: SQL-compatible operators, literals with units, parameters,
/// calls, CASE and casts. Names are not resolved here; the binder does that.
/// </summary>
public abstract record ExpressionSyntax : SyntaxNode
{
    /// <summary>The direct sub-expressions, left to right.</summary>
    public abstract IEnumerable<ExpressionSyntax> Children { get; }

    /// <summary>The nesting depth (1 for a leaf), computed without recursion.</summary>
    public int Depth()
    {
        int max = 0;
        var stack = new Stack<(ExpressionSyntax Node, int Depth)>();
        stack.Push((this, 1));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > max) max = depth;
            foreach (var child in node.Children) stack.Push((child, depth + 1));
        }
        return max;
    }
}

/// <summary>A column reference, possibly qualified: <c>revenue</c>, <c>blocks.geom</c>.</summary>
public sealed record NameSyntax(Seq<IdentifierSyntax> Parts) : ExpressionSyntax
{
    public NameSyntax(params string[] parts) : this(parts.Select(p => new IdentifierSyntax(p)).ToSeq()) { }

    public string Name => Parts[^1].Name;
    public string? Qualifier => Parts.Count >= 2 ? Parts[^2].Name : null;
    public override IEnumerable<ExpressionSyntax> Children => [];
    public override string ToString() => string.Join(".", Parts.Select(p => p.Name));
}

public enum LiteralKind
{
    Integer,
    /// <summary>A number with a fraction or an exponent: float64.</summary>
    Float,
    String,
    True,
    False,
    Null,
}

/// <summary>
/// A literal. <paramref name="Text"/> is the number as written, or the string's value
/// (quotes removed, <c>''</c> unescaped); empty for true, false and null.
/// </summary>
public sealed record LiteralSyntax(LiteralKind Kind, string Text) : ExpressionSyntax
{
    public static LiteralSyntax Integer(long value) => new(LiteralKind.Integer, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    public static LiteralSyntax Float(double value) => new(LiteralKind.Float, ExprPrinter.FormatDouble(value));
    public static LiteralSyntax String(string value) => new(LiteralKind.String, value);
    public static LiteralSyntax Bool(bool value) => new(value ? LiteralKind.True : LiteralKind.False, "");
    public static LiteralSyntax Null() => new(LiteralKind.Null, "");

    public override IEnumerable<ExpressionSyntax> Children => [];
}

public enum TypedLiteralKind
{
    Date,
    Timestamp,
    Decimal,
}

/// <summary><c>date '2024-01-31'</c>, <c>timestamp '2024-01-31 12:00:00'</c>, <c>decimal '1.10'</c>.</summary>
public sealed record TypedLiteralSyntax(TypedLiteralKind Kind, string Value) : ExpressionSyntax
{
    public override IEnumerable<ExpressionSyntax> Children => [];
}

/// <summary>
/// A number or a parameter with a unit: <c>500 m</c>, <c>2 km</c>, <c>@radius mi</c>, <c>1.5 km2</c>.
/// <paramref name="Unit"/> is the lower-case spelling (m, km, mi, ft, m2, km2, mi2, ha; see Components/Units).
/// </summary>
public sealed record QuantitySyntax(ExpressionSyntax Value, string Unit) : ExpressionSyntax
{
    public override IEnumerable<ExpressionSyntax> Children => [Value];
}

/// <summary>An explicit parameter reference <c>@name</c>.</summary>
public sealed record ParameterSyntax(string Name) : ExpressionSyntax
{
    public override IEnumerable<ExpressionSyntax> Children => [];
}

public enum UnaryOperator
{
    Not,
    Minus,
    Plus,
}

public sealed record UnarySyntax(UnaryOperator Operator, ExpressionSyntax Operand) : ExpressionSyntax
{
    public override IEnumerable<ExpressionSyntax> Children => [Operand];
}

public enum BinaryOperator
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Concat,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
}

public sealed record BinarySyntax(BinaryOperator Operator, ExpressionSyntax Left, ExpressionSyntax Right) : ExpressionSyntax
{
    public override IEnumerable<ExpressionSyntax> Children => [Left, Right];
}

/// <summary><c>x is [not] null</c>.</summary>
public sealed record IsNullSyntax(ExpressionSyntax Operand, bool Negated) : ExpressionSyntax
{
    public override IEnumerable<ExpressionSyntax> Children => [Operand];
}

/// <summary><c>x [not] in (a, b, c)</c>.</summary>
public sealed record InListSyntax(ExpressionSyntax Operand, Seq<ExpressionSyntax> Items, bool Negated) : ExpressionSyntax
{
    public override IEnumerable<ExpressionSyntax> Children => Items.Items.Insert(0, Operand);
}

/// <summary><c>x [not] between low and high</c>.</summary>
public sealed record BetweenSyntax(ExpressionSyntax Operand, ExpressionSyntax Low, ExpressionSyntax High, bool Negated) : ExpressionSyntax
{
    public override IEnumerable<ExpressionSyntax> Children => [Operand, Low, High];
}

/// <summary><c>x [not] like pattern</c>.</summary>
public sealed record LikeSyntax(ExpressionSyntax Operand, ExpressionSyntax Pattern, bool Negated) : ExpressionSyntax
{
    public override IEnumerable<ExpressionSyntax> Children => [Operand, Pattern];
}

public sealed record WhenClauseSyntax(ExpressionSyntax Condition, ExpressionSyntax Result) : SyntaxNode;

/// <summary>A searched (<c>case when c then r end</c>) or simple (<c>case x when v then r end</c>) CASE.</summary>
public sealed record CaseSyntax(ExpressionSyntax? Operand, Seq<WhenClauseSyntax> Whens, ExpressionSyntax? Else) : ExpressionSyntax
{
    public override IEnumerable<ExpressionSyntax> Children
    {
        get
        {
            if (Operand is not null) yield return Operand;
            foreach (var w in Whens)
            {
                yield return w.Condition;
                yield return w.Result;
            }
            if (Else is not null) yield return Else;
        }
    }
}

/// <summary><c>cast(x as type)</c>, or <c>x::type</c> when <paramref name="Shorthand"/>.</summary>
public sealed record CastSyntax(ExpressionSyntax Operand, TypeSyntax Type, bool Shorthand) : ExpressionSyntax
{
    public override IEnumerable<ExpressionSyntax> Children => [Operand];
}

/// <summary>
/// A function call: <c>upper(name)</c>, <c>count(distinct x)</c>, <c>count(*)</c> (a
/// <see cref="StarSyntax"/> argument), <c>carto.h3_fromgeogpoint(g, 8)</c> (a qualified name).
/// </summary>
/// <remarks><see cref="OrderBy"/>: the order of an ordered aggregate, <c>st_makeline_agg(geom order by ts)</c>.</remarks>
public sealed record CallSyntax(Seq<IdentifierSyntax> Name, Seq<ExpressionSyntax> Arguments, bool Distinct = false, Seq<WindowKeySyntax> OrderBy = default) : ExpressionSyntax
{
    public CallSyntax(string name, params ExpressionSyntax[] arguments) : this([new IdentifierSyntax(name)], arguments.ToSeq()) { }

    public string FunctionName => Name[^1].Name;
    public string FullName => string.Join(".", Name.Select(n => n.Name));
    public override IEnumerable<ExpressionSyntax> Children => Arguments.Concat(OrderBy.Select(k => k.Expression));
}

/// <summary><c>*</c> or <c>q.*</c>: in a select list, and as the argument of <c>count(*)</c>.</summary>
public sealed record StarSyntax(IdentifierSyntax? Qualifier = null) : ExpressionSyntax
{
    public override IEnumerable<ExpressionSyntax> Children => [];
}

/// <summary>Parentheses the user wrote; kept so that the formatter prints them back.</summary>
public sealed record ParenthesizedSyntax(ExpressionSyntax Inner) : ExpressionSyntax
{
    public override IEnumerable<ExpressionSyntax> Children => [Inner];
}

/// <summary>A window's order key: <c>ts desc nulls first</c>. NULLs come last unless <paramref name="NullsFirst"/>.</summary>
public sealed record WindowKeySyntax(ExpressionSyntax Expression, bool Descending, bool NullsFirst) : SyntaxNode;

/// <summary><c>over (partition by a, b order by t desc rows between 2 preceding and current row)</c>: every part optional.</summary>
public sealed record WindowSyntax(Seq<ExpressionSyntax> PartitionBy, Seq<WindowKeySyntax> OrderBy, WindowFrame? Frame) : SyntaxNode;

/// <summary>A call evaluated over a window: <c>row_number() over (partition by sensor order by ts desc)</c>.</summary>
public sealed record WindowCallSyntax(CallSyntax Call, WindowSyntax Window) : ExpressionSyntax
{
    public override IEnumerable<ExpressionSyntax> Children =>
        Call.Arguments.Concat(Window.PartitionBy).Concat(Window.OrderBy.Select(k => k.Expression));
}
