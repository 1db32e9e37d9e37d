using Cwf.Analysis;

namespace Cwf.Tests.Analysis;

public class GraphCyclesTests
{
    private static string Describe(GraphCycle<string> c) => c.Describe(v => v);

    [Fact]
    public void Reports_a_cycle_as_the_ordered_path_of_its_vertices()
    {
        var cycles = GraphCycles.Find(["read", "filter", "join", "write"],
            [("read", "filter"), ("filter", "join"), ("join", "filter"), ("join", "write")]);
        Assert.Equal(["filter -> join -> filter"], cycles.Select(Describe));
        Assert.Equal(["filter", "join"], cycles[0].Path.ToArray());
    }

    [Fact]
    public void Every_vertex_on_a_cycle_is_named_once_components_overlap()
    {
        // A figure eight: a <-> b and a <-> c share a; then a separate self-loop on d.
        var cycles = GraphCycles.Find(["a", "b", "c", "d", "e"],
            [("a", "b"), ("b", "a"), ("a", "c"), ("c", "a"), ("d", "d"), ("d", "e")]);
        Assert.Equal(["a -> b -> a", "c -> a -> c", "d -> d"], cycles.Select(Describe));
    }

    [Fact]
    public void Acyclic_graphs_and_dangling_edges_give_nothing()
    {
        Assert.Empty(GraphCycles.Find(["a", "b"], [("a", "b"), ("b", "missing"), ("missing", "a")]));
        Assert.False(GraphCycles.HasCycle(["a", "b"], [("a", "b")]));
        Assert.True(GraphCycles.HasCycle([1, 2], [(1, 2), (2, 1)]));
    }

    [Fact]
    public void Uses_the_given_comparer_for_vertex_names()
    {
        var cycles = GraphCycles.Find(["A", "b"], [("a", "B"), ("b", "A")], StringComparer.OrdinalIgnoreCase);
        Assert.Equal(["A -> b -> A"], cycles.Select(Describe));
    }

    [Fact]
    public void A_cycle_through_a_hundred_thousand_vertices_does_not_overflow_the_stack()
    {
        const int n = 100_000;
        var edges = Enumerable.Range(0, n).Select(i => (i, (i + 1) % n));
        var cycle = Assert.Single(GraphCycles.Find(Enumerable.Range(0, n), edges));
        Assert.Equal(n, cycle.Path.Length);
        Assert.Equal(Enumerable.Range(0, n), cycle.Path);
    }

    [Fact]
    public void Topological_order_keeps_the_given_order_for_ties_and_is_null_for_a_cycle()
    {
        Assert.Equal(["c", "a", "b"], GraphOrder.TopologicalOrder(["b", "c", "a"], [("a", "b"), ("c", "a")])!.Value.ToArray());
        Assert.Equal(["x", "y", "z"], GraphOrder.TopologicalOrder(["x", "y", "z"], [])!.Value.ToArray());
        Assert.Null(GraphOrder.TopologicalOrder(["a", "b"], [("a", "b"), ("b", "a")]));
        var chain = GraphOrder.TopologicalOrder(Enumerable.Range(0, 100_000).Reverse(), Enumerable.Range(0, 99_999).Select(i => (i, i + 1)));
        Assert.Equal(Enumerable.Range(0, 100_000), chain!.Value);
    }
}
