namespace Cwf.Canvas;

/// <summary>
/// Finds the cycles of the canvas graph: one concrete cycle per strongly connected component
/// that has one (Tarjan's algorithm with an explicit stack, then a breadth-first walk back to
/// the component's first node). Iterative, so long chains cannot overflow the stack.
/// </summary>
internal static class CanvasCycles
{
    /// <summary>Each cycle as its nodes in edge order, starting at the node that comes first on the canvas.</summary>
    public static List<List<CanvasNode>> Find(IReadOnlyList<CanvasNode> nodes, Func<CanvasNode, IEnumerable<CanvasNode>> successors)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<CanvasNode>();
        var cycles = new List<List<CanvasNode>>();
        int counter = 0;

        foreach (var root in nodes)
        {
            if (index.ContainsKey(root.Id)) continue;
            var work = new Stack<(CanvasNode Node, IEnumerator<CanvasNode> Next)>();
            Visit(root);
            while (work.Count > 0)
            {
                var (node, next) = work.Peek();
                if (next.MoveNext())
                {
                    var w = next.Current;
                    if (!index.ContainsKey(w.Id)) Visit(w);
                    else if (onStack.Contains(w.Id)) low[node.Id] = Math.Min(low[node.Id], index[w.Id]);
                    continue;
                }
                work.Pop();
                if (work.Count > 0) low[work.Peek().Node.Id] = Math.Min(low[work.Peek().Node.Id], low[node.Id]);
                if (low[node.Id] != index[node.Id]) continue;
                var component = new List<CanvasNode>();
                CanvasNode member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member.Id);
                    component.Add(member);
                } while (member.Id != node.Id);
                if (component.Count > 1 || successors(node).Any(s => s.Id == node.Id))
                    cycles.Add(CycleThrough(component, successors));
            }

            void Visit(CanvasNode v)
            {
                index[v.Id] = low[v.Id] = counter++;
                stack.Push(v);
                onStack.Add(v.Id);
                work.Push((v, successors(v).GetEnumerator()));
            }
        }
        return [.. cycles.OrderBy(c => c[0].Index)];
    }

    // The shortest cycle through the component's first node: breadth-first from it back to itself.
    private static List<CanvasNode> CycleThrough(List<CanvasNode> component, Func<CanvasNode, IEnumerable<CanvasNode>> successors)
    {
        var members = component.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var start = component.MinBy(n => n.Index)!;
        var parent = new Dictionary<string, CanvasNode>(StringComparer.Ordinal);
        var queue = new Queue<CanvasNode>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var next in successors(node))
            {
                if (!members.Contains(next.Id)) continue;
                if (next.Id == start.Id)
                {
                    var path = new List<CanvasNode> { node };
                    while (path[^1].Id != start.Id) path.Add(parent[path[^1].Id]);
                    path.Reverse();
                    return path;
                }
                if (parent.TryAdd(next.Id, node)) queue.Enqueue(next);
            }
        }
        return [start];
    }
}
