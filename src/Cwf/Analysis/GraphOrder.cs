using System.Collections.Immutable;

namespace Cwf.Analysis;

/// <summary>Topological order for any front-end graph (for example .cwf let bindings by their dependencies).</summary>
public static class GraphOrder
{
    /// <summary>
    /// The vertices ordered so that every edge goes from an earlier to a later vertex, ties kept
    /// in the order the vertices were given (Kahn's algorithm with a priority queue; a loop, no
    /// recursion). Null when the graph has a cycle: call <see cref="GraphCycles.Find"/> to name it.
    /// Edges whose ends are not among the vertices are ignored.
    /// </summary>
    public static ImmutableArray<TVertex>? TopologicalOrder<TVertex>(
        IEnumerable<TVertex> vertices,
        IEnumerable<(TVertex From, TVertex To)> edges,
        IEqualityComparer<TVertex>? comparer = null)
        where TVertex : notnull
    {
        var index = new Dictionary<TVertex, int>(comparer ?? EqualityComparer<TVertex>.Default);
        var byIndex = new List<TVertex>();
        foreach (var v in vertices)
            if (index.TryAdd(v, byIndex.Count)) byIndex.Add(v);

        var pending = new int[byIndex.Count];
        var successors = new List<int>?[byIndex.Count];
        foreach (var (from, to) in edges)
        {
            if (!index.TryGetValue(from, out int f) || !index.TryGetValue(to, out int t)) continue;
            (successors[f] ??= []).Add(t);
            pending[t]++;
        }

        var ready = new PriorityQueue<int, int>();
        for (int i = 0; i < byIndex.Count; i++)
            if (pending[i] == 0) ready.Enqueue(i, i);
        var order = ImmutableArray.CreateBuilder<TVertex>(byIndex.Count);
        while (ready.TryDequeue(out int i, out _))
        {
            order.Add(byIndex[i]);
            foreach (var s in successors[i] ?? [])
                if (--pending[s] == 0) ready.Enqueue(s, s);
        }
        return order.Count == byIndex.Count ? order.MoveToImmutable() : null;
    }
}
