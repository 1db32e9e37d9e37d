namespace Cwf.Planning;

/// <summary>The planner's decision for one node, with the reason `cwf explain` shows.</summary>
public sealed record NodePlan(int NodeId, Materialization Kind, string Reason);
