using Cwf.Ir;

namespace Cwf.Optimization;

/// <summary>
/// Structural hash and equality of expressions for the optimizer's keys: same kind, same type and
/// nullability, same operator or function or name, same children in order. Loops over a per-thread
/// stack, so a key of a large expression builds no text and allocates nothing.
/// <para>
/// Stricter than the records' own equality for literals: two values are the same only when they
/// print the same, so <c>0.0</c> and <c>-0.0</c>, or the decimals <c>1.0</c> and <c>1.00</c> (whose
/// scale is part of their SQL type), stay apart.
/// </para>
/// </summary>
internal static class ExprStructure
{
    [ThreadStatic]
    private static Stack<(Expr, Expr)>? t_pairs;

    [ThreadStatic]
    private static Stack<Expr>? t_nodes;

    public static bool Equal(Expr a, Expr b)
    {
        if (ReferenceEquals(a, b)) return true;
        var stack = t_pairs ??= new Stack<(Expr, Expr)>();
        stack.Clear();
        stack.Push((a, b));
        while (stack.TryPop(out var pair))
        {
            var (x, y) = pair;
            if (ReferenceEquals(x, y)) continue;
            int count = x.ChildCount;
            if (!SameNode(x, y) || count != y.ChildCount)
            {
                stack.Clear();
                return false;
            }
            for (int i = count - 1; i >= 0; i--) stack.Push((x.ChildAt(i), y.ChildAt(i)));
        }
        return true;
    }

    public static int Hash(Expr e)
    {
        var hash = new HashCode();
        var stack = t_nodes ??= new Stack<Expr>();
        stack.Clear();
        stack.Push(e);
        while (stack.TryPop(out var top))
        {
            int count = top.ChildCount;
            hash.Add(NodeHash(top));
            hash.Add(count);
            for (int i = count - 1; i >= 0; i--) stack.Push(top.ChildAt(i));
        }
        return hash.ToHashCode();
    }

    // The node itself without its children: what the printer writes for it, plus its type and nullability.
    private static bool SameNode(Expr x, Expr y)
    {
        if (x.GetType() != y.GetType() || x.Type != y.Type || x.Nullable != y.Nullable) return false;
        return (x, y) switch
        {
            (ColumnRef a, ColumnRef b) => a.Input == b.Input && string.Equals(a.Name, b.Name, StringComparison.Ordinal),
            (Literal a, Literal b) => SameValue(a.Value, b.Value),
            (ParamRef a, ParamRef b) => string.Equals(a.Name, b.Name, StringComparison.Ordinal),
            (Unary a, Unary b) => a.Op == b.Op,
            (Binary a, Binary b) => a.Op == b.Op,
            (IsNull a, IsNull b) => a.Negated == b.Negated,
            (InList a, InList b) => a.Negated == b.Negated,
            (Between a, Between b) => a.Negated == b.Negated,
            (Like a, Like b) => a.Negated == b.Negated,
            // Two children per WHEN and one for an ELSE: the same count is the same split.
            (Case, Case) or (Cast, Cast) => true,
            (Call a, Call b) => Equals(a.Function, b.Function),
            (RawSql a, RawSql b) => string.Equals(a.Sql, b.Sql, StringComparison.Ordinal),
            _ => throw new InvalidOperationException($"Unexpected expression {x.GetType().Name}."),
        };
    }

    private static int NodeHash(Expr e) => HashCode.Combine(e.GetType(), e.Type, e switch
    {
        ColumnRef c => HashCode.Combine(c.Input, StringComparer.Ordinal.GetHashCode(c.Name)),
        Literal l => l.Value?.GetHashCode() ?? 0,
        ParamRef p => StringComparer.Ordinal.GetHashCode(p.Name),
        Unary u => (int)u.Op,
        Binary b => (int)b.Op,
        Call call => call.Function.Name.GetHashCode(StringComparison.Ordinal),
        RawSql raw => StringComparer.Ordinal.GetHashCode(raw.Sql),
        _ => 0,
    });

    private static bool SameValue(object? a, object? b) => (a, b) switch
    {
        (double x, double y) => BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y) || double.IsNaN(x) && double.IsNaN(y),
        (decimal x, decimal y) => x == y && x.Scale == y.Scale,
        _ => Equals(a, b),
    };
}
