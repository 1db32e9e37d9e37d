using System.Runtime.InteropServices;

namespace Cwf.Ir;

/// <summary>Facts about expressions that several stages need (optimizer, planner, emitter, interpreter): conjuncts, substitution, determinism, cost, NULL rejection.</summary>
internal static class Predicates
{
    public static Literal True { get; } = Literal.Bool(true);

    /// <summary>The operands of a chain of ANDs, left to right (a loop, so long chains are fine).</summary>
    public static List<Expr> Conjuncts(Expr predicate)
    {
        var result = new List<Expr>();
        var stack = new Stack<Expr>();
        stack.Push(predicate);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            if (e is Binary { Op: BinaryOp.And } b)
            {
                stack.Push(b.Right);
                stack.Push(b.Left);
            }
            else result.Add(e);
        }
        return result;
    }

    /// <summary>The conjunction of the predicates (shaped by <see cref="OperatorChain"/>, so thousands stay shallow); TRUE for none.</summary>
    public static Expr And(IEnumerable<Expr> predicates)
    {
        var list = predicates.ToList();
        return list.Count == 0 ? True : OperatorChain.Build(list, ExprFactory.And);
    }

    /// <summary>No part of it can give a different value when evaluated twice or elsewhere (raw SQL might call random(); generate_uuid is new each time).</summary>
    public static bool IsDeterministic(Expr e) => !AnyNode(e, static x => x is RawSql || x is Call c && c.Function == Functions.GenerateUuid);

    /// <summary>Deterministic and without spatial, H3 or Quadbin work, so computing it once more costs little.</summary>
    public static bool IsCheap(Expr e) =>
        !AnyNode(e, static x => x is RawSql || x is Call c && c.Function.Category is FunctionCategory.Spatial or FunctionCategory.H3 or FunctionCategory.Quadbin);

    // Whether any node of the expression passes the test.
    private static bool AnyNode(Expr e, Func<Expr, bool> test)
    {
        using var walk = new ExprNodes(e);
        while (walk.Next(out var node))
            if (test(node)) return true;
        return false;
    }

    /// <summary>
    /// Whether <paramref name="test"/> holds for every column reference of the expression, visited
    /// in order and stopping at the first it rejects. Allocates nothing (<see cref="ExprNodes"/>,
    /// and a static lambda with its state passed in needs no closure). Projection pruning and
    /// merging ask this of every column of every node.
    /// </summary>
    public static bool AllColumns<TState>(Expr e, TState state, Func<ColumnRef, TState, bool> test)
    {
        if (e is ColumnRef single) return test(single, state);
        using var walk = new ExprNodes(e);
        while (walk.Next(out var node))
            if (node is ColumnRef c && !test(c, state)) return false;
        return true;
    }

    /// <summary>Adds the names of the columns the expression reads from input <paramref name="input"/> to <paramref name="names"/>.</summary>
    public static void AddColumnNames(Expr e, ColumnNameSet names, int input = 0) =>
        AllColumns(e, (names, input), static (c, s) =>
        {
            if (c.Input == s.input) s.names.Add(c.Name);
            return true;
        });

    /// <summary>Whether every column the expression reads from input <paramref name="input"/> is one of <paramref name="names"/>.</summary>
    public static bool ReadsOnly(Expr e, IReadOnlySet<string> names, int input = 0) =>
        AllColumns(e, (names, input), static (c, s) => c.Input != s.input || s.names.Contains(c.Name));

    public static IEnumerable<ColumnRef> Columns(Expr e)
    {
        if (e is ColumnRef single) return [single];
        // A list, not a lazy walk: the optimizer asks this of every conjunct it moves, at every step it moves it past.
        var columns = new List<ColumnRef>();
        using var walk = new ExprNodes(e);
        while (walk.Next(out var node))
            if (node is ColumnRef c) columns.Add(c);
        return columns;
    }

    /// <summary>
    /// Replaces column references (returning null keeps one). Recursion is over the expression's
    /// depth only. Unchanged sub-trees are shared; the result is the same instance when nothing changed.
    /// </summary>
    public static Expr Substitute(Expr e, Func<ColumnRef, Expr?> replace)
    {
        if (e is ColumnRef c) return replace(c) ?? c;
        int count = e.ChildCount;
        if (count == 0) return e;
        Expr[]? rewritten = null;
        for (int i = 0; i < count; i++)
        {
            var original = e.ChildAt(i);
            var child = Substitute(original, replace);
            if (!ReferenceEquals(child, original)) (rewritten ??= ChildArray(e))[i] = child;
        }
        return rewritten is null ? e : e.WithChildren(ImmutableCollectionsMarshal.AsImmutableArray(rewritten));
    }

    /// <summary>Rewrites bottom-up with <paramref name="rule"/> applied at every node (the same instance when nothing changed).</summary>
    public static Expr Rewrite(Expr e, Func<Expr, Expr> rule)
    {
        int count = e.ChildCount;
        Expr[]? rewritten = null;
        for (int i = 0; i < count; i++)
        {
            var original = e.ChildAt(i);
            var child = Rewrite(original, rule);
            if (!ReferenceEquals(child, original)) (rewritten ??= ChildArray(e))[i] = child;
        }
        if (rewritten is not null) e = e.WithChildren(ImmutableCollectionsMarshal.AsImmutableArray(rewritten));
        return rule(e);
    }

    // The children in a fresh array that becomes the new node's list without another copy (these two
    // walks rebuild every node on a changed path: on a long redefined chain, most of the optimizer's allocation).
    private static Expr[] ChildArray(Expr e)
    {
        var children = new Expr[e.ChildCount];
        for (int i = 0; i < children.Length; i++) children[i] = e.ChildAt(i);
        return children;
    }

    /// <summary>
    /// Whether the predicate is FALSE or NULL on every row where the columns <paramref name="ofSide"/>
    /// selects are all NULL: a filter with it removes the NULL-extended rows of an outer join, so
    /// the join may become inner on that side. Conservative: false when unsure.
    /// </summary>
    public static bool RejectsNulls(Expr predicate, Func<ColumnRef, bool> ofSide) => predicate switch
    {
        Binary { Op: BinaryOp.And } b => RejectsNulls(b.Left, ofSide) || RejectsNulls(b.Right, ofSide),
        Binary { Op: BinaryOp.Or } b => RejectsNulls(b.Left, ofSide) && RejectsNulls(b.Right, ofSide),
        IsNull { Negated: true } n => NullIfAllNull(n.Operand, ofSide),
        Unary { Op: UnaryOp.Not } u => NullIfAllNull(u.Operand, ofSide),
        _ => NullIfAllNull(predicate, ofSide),
    };

    // Whether the expression is NULL when the selected columns are NULL (strict in them).
    private static bool NullIfAllNull(Expr e, Func<ColumnRef, bool> ofSide) => e switch
    {
        ColumnRef c => ofSide(c),
        Unary u => NullIfAllNull(u.Operand, ofSide),
        Binary { Op: BinaryOp.And or BinaryOp.Or } => false,
        Binary b => NullIfAllNull(b.Left, ofSide) || NullIfAllNull(b.Right, ofSide),
        Cast c => NullIfAllNull(c.Operand, ofSide),
        Like l => NullIfAllNull(l.Operand, ofSide) || NullIfAllNull(l.Pattern, ofSide),
        InList i => NullIfAllNull(i.Operand, ofSide),
        Between bt => NullIfAllNull(bt.Operand, ofSide),
        Call call when call.Function.Nulls == NullRule.AnyArg => call.Args.Any(a => NullIfAllNull(a, ofSide)),
        _ => false,
    };
}
