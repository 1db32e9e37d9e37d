using Cwf.Ir;
using G = Cwf.Syntax.Generated;

namespace Cwf.Syntax.Internal;

/// <summary>
/// The precedence of the binary value operators, applied to the flat list the grammar's
/// <c>value</c> rule parses: <c>||</c> binds loosest, then <c>+</c> and <c>-</c>, then <c>*</c>,
/// <c>/</c> and <c>%</c>. Arithmetic folds to the left; a chain of <c>||</c> is shaped by
/// <see cref="OperatorChain"/> (shallow), as each level's own rule used to build it.
/// </summary>
internal static class ValueOperators
{
    /// <summary>Folds operands[0] op[0] operands[1] ... op[n-1] operands[n].</summary>
    public static ExpressionSyntax Fold(List<ExpressionSyntax> operands, List<int> operators)
    {
        List<ExpressionSyntax>? parts = null;
        int start = 0;
        for (int j = 0; j <= operators.Count; j++)
        {
            if (j < operators.Count && operators[j] != G.CwfLexer.CONCAT) continue;
            var part = Additive(operands, operators, start, j);
            if (j == operators.Count && parts is null) return part;
            (parts ??= []).Add(part);
            start = j + 1;
        }
        return OperatorChain.Build(parts!, (left, right) => Binary(BinaryOperator.Concat, left, right));
    }

    // Operands first..last, operators[k] standing between operands k and k + 1.
    private static ExpressionSyntax Additive(List<ExpressionSyntax> operands, List<int> operators, int first, int last)
    {
        ExpressionSyntax? result = null;
        int start = first;
        for (int j = first; j <= last; j++)
        {
            if (j < last && operators[j] is not (G.CwfLexer.PLUS or G.CwfLexer.MINUS)) continue;
            var term = Multiplicative(operands, operators, start, j);
            result = result is null ? term
                : Binary(operators[start - 1] == G.CwfLexer.PLUS ? BinaryOperator.Add : BinaryOperator.Subtract, result, term);
            start = j + 1;
        }
        return result!;
    }

    private static ExpressionSyntax Multiplicative(List<ExpressionSyntax> operands, List<int> operators, int first, int last)
    {
        var result = operands[first];
        for (int k = first; k < last; k++)
        {
            var op = operators[k] switch
            {
                G.CwfLexer.STAR => BinaryOperator.Multiply,
                G.CwfLexer.SLASH => BinaryOperator.Divide,
                _ => BinaryOperator.Modulo,
            };
            result = Binary(op, result, operands[k + 1]);
        }
        return result;
    }

    private static BinarySyntax Binary(BinaryOperator op, ExpressionSyntax left, ExpressionSyntax right) =>
        new(op, left, right) { Span = left.Span.Union(right.Span) };
}
