namespace Cwf.Ir;

/// <summary>
/// The nodes of an expression, pre-order (a node, then its children left to right), without
/// recursion and without allocating: the walk's stack is one per thread, shared by nested walks,
/// each of which pops only what it pushed. The optimizer asks several such questions of every
/// conjunct at every step it passes, and a stack made per question was most of what it allocated
/// for them. <c>using var walk = new ExprNodes(e); while (walk.Next(out var node)) ...</c>; the
/// <c>using</c> gives the stack back when a walk stops early.
/// </summary>
internal readonly ref struct ExprNodes
{
    [ThreadStatic]
    private static Stack<Expr>? t_stack;

    private readonly Stack<Expr> _stack;
    private readonly int _floor;

    public ExprNodes(Expr root)
    {
        _stack = t_stack ??= new Stack<Expr>();
        _floor = _stack.Count;
        _stack.Push(root);
    }

    /// <summary>The next node, its children queued after it; false when every node was visited.</summary>
    public bool Next(out Expr node)
    {
        if (_stack.Count == _floor)
        {
            node = null!;
            return false;
        }
        node = _stack.Pop();
        for (int i = node.ChildCount - 1; i >= 0; i--) _stack.Push(node.ChildAt(i));
        return true;
    }

    /// <summary>Drops what a walk stopped early left queued.</summary>
    public void Dispose()
    {
        while (_stack.Count > _floor) _stack.Pop();
    }
}
