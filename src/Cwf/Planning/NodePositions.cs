using Cwf.Ir;

namespace Cwf.Planning;

/// <summary>
/// Each node's place in a workflow's topological order, so that the planner and the emitter keep
/// what they know per node in arrays indexed by place instead of dictionaries keyed by id. A view of
/// the workflow's own index (<see cref="Workflow.PositionOf"/>), which refuses an id it does not hold.
/// </summary>
internal sealed class NodePositions(Workflow workflow)
{
    /// <summary>The number of nodes: positions are 0 to Count - 1.</summary>
    public int Count { get; } = workflow.Nodes.Length;

    /// <summary>The place of node <paramref name="id"/>, which must be in the workflow.</summary>
    public int this[int id] =>
        workflow.PositionOf(id) is >= 0 and var position ? position : throw new KeyNotFoundException($"The workflow has no node %{id}.");
}
