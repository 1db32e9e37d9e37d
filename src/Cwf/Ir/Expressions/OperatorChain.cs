namespace Cwf.Ir;

/// <summary>
/// The shape of a chain of one associative operator (<c>a or b or c ...</c>, <c>and</c>,
/// <c>||</c>) as a binary tree, shared by the parser and the optimizer so that both build the
/// same tree. Up to <see cref="MaxLeftDeep"/> operands nest left to right, as written; a longer
/// chain is split in halves until the parts are that short, so its depth grows with the logarithm
/// of its length and every recursive walk over expressions stays shallow. The value is the same
/// either way: these operators are associative in SQL's three-valued logic, and NULL-strict
/// concatenation is too. Arithmetic is not regrouped: rounding and overflow depend on the order.
/// </summary>
public static class OperatorChain
{
    public const int MaxLeftDeep = 32;

    public static bool IsAssociative(BinaryOp op) => op is BinaryOp.And or BinaryOp.Or or BinaryOp.Concat;

    /// <summary>The tree over <paramref name="operands"/> (at least one), in order; <paramref name="combine"/> makes one node of two.</summary>
    public static T Build<T>(IReadOnlyList<T> operands, Func<T, T, T> combine)
    {
        if (operands.Count == 0) throw new ArgumentException("A chain needs an operand.", nameof(operands));
        return Build(operands, 0, operands.Count, combine);
    }

    // Recursion halves the range, so its depth is log2(n / MaxLeftDeep).
    private static T Build<T>(IReadOnlyList<T> operands, int start, int end, Func<T, T, T> combine)
    {
        if (end - start <= MaxLeftDeep)
        {
            var result = operands[start];
            for (int i = start + 1; i < end; i++) result = combine(result, operands[i]);
            return result;
        }
        int middle = start + (end - start) / 2;
        return combine(Build(operands, start, middle, combine), Build(operands, middle, end, combine));
    }
}
