using System.Collections.Immutable;
using QuikGraph;
using QuikGraph.Algorithms.ConnectedComponents;

namespace Cwf.Analysis;

/// <summary>
/// Cycle detection for any front-end graph (canvas nodes and edges, .cwf let dependencies, IR
/// nodes): give it the vertices and the edges, get back the cycles, each as the ordered path of
/// its vertices so that a diagnostic can name every step on it.
/// </summary>
/// <remarks>
/// Enumerating every elementary cycle can take exponential time, so this reports a cover instead:
/// for every strongly connected component that contains a cycle, the shortest cycle through its
/// first vertex (in the order the vertices were given), then the shortest cycle through the first
/// vertex not on a reported cycle yet, until every vertex of the component lies on a reported
/// cycle. Every vertex that is on some cycle is therefore named at least once, and the result is
/// deterministic. The components come from QuikGraph (Tarjan); the searches are loops, so long
/// chains cannot overflow the stack.
/// </remarks>
public static class GraphCycles
{
    /// <summary>
    /// Finds the cycles of the graph. Edges whose ends are not among <paramref name="vertices"/>
    /// are ignored (the front ends report dangling edges themselves); repeated vertices count once.
    /// At most <paramref name="maxCycles"/> cycles are returned.
    /// </summary>
    public static ImmutableArray<GraphCycle<TVertex>> Find<TVertex>(
        IEnumerable<TVertex> vertices,
        IEnumerable<(TVertex From, TVertex To)> edges,
        IEqualityComparer<TVertex>? comparer = null,
        int maxCycles = 100)
        where TVertex : notnull
    {
        var index = new Dictionary<TVertex, int>(comparer ?? EqualityComparer<TVertex>.Default);
        var byIndex = new List<TVertex>();
        foreach (var v in vertices)
            if (index.TryAdd(v, byIndex.Count)) byIndex.Add(v);

        var graph = new AdjacencyGraph<int, SEdge<int>>(allowParallelEdges: true, vertexCapacity: byIndex.Count, edgeCapacity: 2);
        graph.AddVertexRange(Enumerable.Range(0, byIndex.Count));
        var selfLoops = new bool[byIndex.Count];
        foreach (var (from, to) in edges)
        {
            if (!index.TryGetValue(from, out int f) || !index.TryGetValue(to, out int t)) continue;
            graph.AddEdge(new SEdge<int>(f, t));
            if (f == t) selfLoops[f] = true;
        }

        var scc = new StronglyConnectedComponentsAlgorithm<int, SEdge<int>>(graph);
        scc.Compute();
        var component = new int[byIndex.Count];
        var size = new int[Math.Max(scc.ComponentCount, 1)];
        foreach (var (vertex, c) in scc.Components)
        {
            component[vertex] = c;
            size[c]++;
        }

        var cycles = ImmutableArray.CreateBuilder<GraphCycle<TVertex>>();
        var covered = new bool[byIndex.Count];
        for (int v = 0; v < byIndex.Count && cycles.Count < maxCycles; v++)
        {
            if (covered[v] || (size[component[v]] == 1 && !selfLoops[v])) continue;
            var path = ShortestCycleThrough(graph, v, component);
            foreach (var p in path) covered[p] = true;
            cycles.Add(new GraphCycle<TVertex>([.. path.Select(p => byIndex[p])]));
        }
        return cycles.ToImmutable();
    }

    /// <summary>Whether the graph has a cycle (cheaper to read than <see cref="Find"/> when only the answer matters).</summary>
    public static bool HasCycle<TVertex>(IEnumerable<TVertex> vertices, IEnumerable<(TVertex From, TVertex To)> edges, IEqualityComparer<TVertex>? comparer = null)
        where TVertex : notnull =>
        !Find(vertices, edges, comparer, maxCycles: 1).IsEmpty;

    // Breadth-first search from `start` inside its component until an edge leads back to it.
    private static List<int> ShortestCycleThrough(AdjacencyGraph<int, SEdge<int>> graph, int start, int[] component)
    {
        var parent = new Dictionary<int, int> { [start] = -1 };
        var queue = new Queue<int>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            int u = queue.Dequeue();
            foreach (var edge in graph.OutEdges(u))
            {
                int w = edge.Target;
                if (component[w] != component[start]) continue;
                if (w == start)
                {
                    var path = new List<int>();
                    for (int x = u; x != -1; x = parent[x]) path.Add(x);
                    path.Reverse();
                    return path;
                }
                if (parent.TryAdd(w, u)) queue.Enqueue(w);
            }
        }
        throw new InvalidOperationException("A strongly connected component without a cycle through one of its vertices.");
    }
}
