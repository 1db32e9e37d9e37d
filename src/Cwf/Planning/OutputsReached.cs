using Cwf.Analysis;

namespace Cwf.Planning;

/// <summary>
/// For each node (by position), the outputs (roots) its result reaches. Most nodes reach one output:
/// that one is kept as an id, and a set is made only for a node that reaches several (a shared step),
/// so a long workflow costs two arrays, not a set per node.
/// </summary>
internal sealed class OutputsReached
{
    private const int None = int.MinValue;
    private readonly int[] _single;
    private readonly HashSet<int>?[] _several;

    public OutputsReached(WorkflowAnalysis analysis, NodePositions positions)
    {
        var nodes = analysis.Workflow.Nodes;
        _single = new int[nodes.Length];
        Array.Fill(_single, None);
        _several = new HashSet<int>?[nodes.Length];
        foreach (var root in analysis.Roots) Add(positions[root], root);
        // Reverse topological order: a node's readers are done before it.
        for (int i = nodes.Length - 1; i >= 0; i--)
            foreach (var input in nodes[i].Inputs) Merge(i, positions[input]);
    }

    /// <summary>How many outputs the node at <paramref name="position"/> reaches.</summary>
    public int Count(int position) => _several[position]?.Count ?? (_single[position] == None ? 0 : 1);

    private void Add(int position, int root)
    {
        if (_several[position] is { } set) set.Add(root);
        else if (_single[position] == None) _single[position] = root;
        else if (_single[position] != root) _several[position] = [_single[position], root];
    }

    private void Merge(int from, int to)
    {
        if (_several[from] is not { } roots)
        {
            if (_single[from] != None) Add(to, _single[from]);
            return;
        }
        if (_several[to] is { } set) set.UnionWith(roots);
        else
        {
            var copy = new HashSet<int>(roots);
            if (_single[to] != None) copy.Add(_single[to]);
            _several[to] = copy;
        }
    }
}
