using Cwf.Ir;

namespace Cwf.Planning;

/// <summary>
/// Each node's place in a workflow's topological order, so that the planner and the emitter keep
/// what they know per node in arrays indexed by place instead of dictionaries keyed by id. Ids are
/// looked up in an array indexed by id when they are dense enough (the compiler's are: assigned in
/// creation order), else in a dictionary (hand-made workflows may use any ids).
/// </summary>
internal sealed class NodePositions
{
    private readonly int[]? _byId;
    private readonly Dictionary<int, int>? _sparse;

    public NodePositions(Workflow workflow)
    {
        var nodes = workflow.Nodes;
        Count = nodes.Length;
        bool dense = workflow.NextId <= 4 * nodes.Length + 64;
        for (int i = 0; i < nodes.Length && dense; i++) dense = nodes[i].Id >= 0;
        if (dense)
        {
            _byId = new int[workflow.NextId];
            Array.Fill(_byId, -1);
            for (int i = 0; i < nodes.Length; i++) _byId[nodes[i].Id] = i;
        }
        else
        {
            _sparse = new Dictionary<int, int>(nodes.Length);
            for (int i = 0; i < nodes.Length; i++) _sparse[nodes[i].Id] = i;
        }
    }

    /// <summary>The number of nodes: positions are 0 to Count - 1.</summary>
    public int Count { get; }

    /// <summary>The place of node <paramref name="id"/>, which must be in the workflow.</summary>
    public int this[int id] =>
        _byId is not { } byId ? _sparse![id]
        : (uint)id < (uint)byId.Length && byId[id] >= 0 ? byId[id]
        : throw new KeyNotFoundException($"The workflow has no node %{id}.");
}
