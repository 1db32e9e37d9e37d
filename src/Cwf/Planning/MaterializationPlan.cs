using System.Collections.Immutable;

namespace Cwf.Planning;

/// <summary>
/// Per-node materialization decisions for one workflow and dialect. Nodes without a decision
/// are CTEs. Backends follow the plan; the planner (Planning/Planner) makes it.
/// </summary>
public sealed record MaterializationPlan(ImmutableSortedDictionary<int, NodePlan> Decisions)
{
    public static MaterializationPlan AllCte { get; } = new(ImmutableSortedDictionary<int, NodePlan>.Empty);

    public Materialization For(int nodeId) => Decisions.TryGetValue(nodeId, out var plan) ? plan.Kind : Materialization.Cte;
}
