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

    /// <summary>Spatial joins to run through a materialized, indexed input (keyed by the join's node id); empty where the warehouse indexes spatial joins itself.</summary>
    public ImmutableSortedDictionary<int, SpatialJoinPlan> SpatialJoins { get; init; } = ImmutableSortedDictionary<int, SpatialJoinPlan>.Empty;

    public SpatialJoinPlan? SpatialJoinFor(int nodeId) => SpatialJoins.GetValueOrDefault(nodeId);
}
