using Cwf.Analysis;

namespace Cwf.Planning;

/// <summary>
/// For each node (by position), the outputs (roots) its result reaches. Most nodes reach one output:
/// that one is kept as its position, and a set is made only for a node that reaches several (a shared step),
/// so a long workflow costs one array of a number a node (a second, of a set reference a node, was
/// 800 KB of large objects at 100,000 steps), not a set per node.
/// </summary>
internal sealed class OutputsReached
{
    private const int None = -1;
    // By position: the position of the one root reached (a position is never negative), None, or
    // SetIndex(k) for the k-th set of several.
    private readonly int[] _reached;
    private readonly List<HashSet<int>> _sets = [];

    public OutputsReached(WorkflowAnalysis analysis, NodePositions positions)
    {
        var nodes = analysis.Workflow.Nodes;
        _reached = new int[nodes.Length];
        Array.Fill(_reached, None);
        foreach (var root in analysis.Roots)
        {
            int position = positions[root];
            Add(position, position);
        }
        // Reverse topological order: a node's readers are done before it.
        for (int i = nodes.Length - 1; i >= 0; i--)
            foreach (var input in nodes[i].Inputs) Merge(i, positions[input]);
    }

    /// <summary>How many outputs the node at <paramref name="position"/> reaches.</summary>
    public int Count(int position) => _reached[position] switch
    {
        None => 0,
        >= 0 => 1,
        var set => _sets[SetIndex(set)].Count,
    };

    // Below None: -2 is the first set, -3 the second... (the mapping is its own inverse).
    private static int SetIndex(int value) => -2 - value;

    private void Add(int position, int root)
    {
        int reached = _reached[position];
        if (reached < None) _sets[SetIndex(reached)].Add(root);
        else if (reached == None) _reached[position] = root;
        else if (reached != root) Keep(position, [reached, root]);
    }

    private void Merge(int from, int to)
    {
        int reached = _reached[from];
        if (reached == None) return;
        if (reached >= 0)
        {
            Add(to, reached);
            return;
        }
        var roots = _sets[SetIndex(reached)];
        int target = _reached[to];
        if (target < None) _sets[SetIndex(target)].UnionWith(roots);
        else
        {
            var copy = new HashSet<int>(roots);
            if (target != None) copy.Add(target);
            Keep(to, copy);
        }
    }

    private void Keep(int position, HashSet<int> set)
    {
        _reached[position] = SetIndex(_sets.Count);
        _sets.Add(set);
    }
}
