using System.Globalization;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components;

/// <summary>
/// Writes the IR expressions the canvas components build themselves (a simple filter's typed
/// comparison, a not-null test, a number or a parameter) as .cwf expression syntax. Fragments
/// the user wrote in SQL are not written from IR: their own parsed syntax is kept.
/// </summary>
internal static class ExprSyntaxWriter
{
    public static ExpressionSyntax Write(Expr expr) => expr switch
    {
        ColumnRef c => new NameSyntax(c.Name),
        ParamRef p => new ParameterSyntax(p.Name),
        Literal l => Literal(l),
        IsNull n => new IsNullSyntax(Write(n.Operand), n.Negated),
        Unary { Op: UnaryOp.Not } u => new UnarySyntax(UnaryOperator.Not, Write(u.Operand)),
        Unary { Op: UnaryOp.Negate } u => new UnarySyntax(UnaryOperator.Minus, Write(u.Operand)),
        Binary b => new BinarySyntax(Operator(b.Op), Write(b.Left), Write(b.Right)),
        Cast c => new CastSyntax(Write(c.Operand), new TypeSyntax(c.Type.Name()), Shorthand: false),
        Call c => new CallSyntax([new IdentifierSyntax(c.Function.Name)], c.Args.Select(Write).ToSeq()),
        _ => throw new InvalidOperationException($"The decompiler does not write {expr.GetType().Name} expressions from IR."),
    };

    public static ExpressionSyntax Literal(Literal literal) => literal.Value switch
    {
        null => LiteralSyntax.Null(),
        long l => LiteralSyntax.Integer(l),
        double d => LiteralSyntax.Float(d),
        string s => LiteralSyntax.String(s),
        bool b => LiteralSyntax.Bool(b),
        decimal m => new TypedLiteralSyntax(TypedLiteralKind.Decimal, m.ToString(CultureInfo.InvariantCulture)),
        DateOnly d => new TypedLiteralSyntax(TypedLiteralKind.Date, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        DateTime t => new TypedLiteralSyntax(TypedLiteralKind.Timestamp, t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture).TrimEnd('.')),
        _ => throw new InvalidOperationException($"Unexpected literal value {literal.Value.GetType().Name}."),
    };

    private static BinaryOperator Operator(BinaryOp op) => op switch
    {
        BinaryOp.Equal => BinaryOperator.Equal,
        BinaryOp.NotEqual => BinaryOperator.NotEqual,
        BinaryOp.Less => BinaryOperator.Less,
        BinaryOp.LessOrEqual => BinaryOperator.LessOrEqual,
        BinaryOp.Greater => BinaryOperator.Greater,
        BinaryOp.GreaterOrEqual => BinaryOperator.GreaterOrEqual,
        BinaryOp.And => BinaryOperator.And,
        BinaryOp.Or => BinaryOperator.Or,
        BinaryOp.Add => BinaryOperator.Add,
        BinaryOp.Subtract => BinaryOperator.Subtract,
        BinaryOp.Multiply => BinaryOperator.Multiply,
        BinaryOp.Divide => BinaryOperator.Divide,
        BinaryOp.Modulo => BinaryOperator.Modulo,
        BinaryOp.Concat => BinaryOperator.Concat,
        _ => throw new InvalidOperationException($"Unexpected operator {op}."),
    };
}
