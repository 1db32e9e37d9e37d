using System.Collections.Immutable;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Analysis;

/// <summary>
/// What the graph analyses found in one workflow: the order to compute nodes in, who reads
/// what, which nodes are outputs (roots), which results reach no output (dead) and which
/// results are read more than once (shared), plus the warnings for dead steps.
/// </summary>
public sealed record WorkflowAnalysis(
    Workflow Workflow,
    ImmutableArray<int> TopologicalOrder,
    IReadOnlyDictionary<int, ImmutableArray<int>> Consumers,
    ImmutableArray<int> Roots,
    ImmutableSortedSet<int> Dead,
    ImmutableSortedDictionary<int, int> Shared,
    ImmutableArray<Diagnostic> Diagnostics)
{
    public bool IsDead(int id) => Dead.Contains(id);

    public bool IsShared(int id) => Shared.ContainsKey(id);

    /// <summary>How many inputs of live nodes read this node (a self-join reads it twice).</summary>
    public int ConsumerCount(int id)
    {
        if (Shared.TryGetValue(id, out int n)) return n;
        var readers = Consumers[id];
        if (Dead.IsEmpty) return readers.Length;
        foreach (var c in readers)
            if (!Dead.Contains(c)) n++;
        return n;
    }
}
