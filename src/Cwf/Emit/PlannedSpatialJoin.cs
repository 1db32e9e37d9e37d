using Cwf.Ir;
using Cwf.Planning;

namespace Cwf.Emit;

/// <summary>
/// A <see cref="SpatialJoinPlan"/> as one emission follows it: the tables it creates (the indexed
/// input numbered by row, and its pieces unless the plan keeps whole geometries), the names of
/// their bookkeeping columns (chosen not to clash with the input's columns), and the join
/// condition split into the conjunct the index serves and the rest.
/// </summary>
internal sealed record PlannedSpatialJoin(
    SpatialJoinPlan Plan,
    int IndexedInput,
    int ProbeInput,
    string Side,
    string? Pieces,
    string RowColumn,
    string? ProbeColumn,
    Expr? Rest)
{
    public const string PieceColumn = "cwf_piece";
    public const string SureColumn = "cwf_sure";

    /// <summary>The plan for a join or semi join of the workflow, or null when it does not fit the node (a stale plan is ignored, never trusted).</summary>
    public static PlannedSpatialJoin? Create(Workflow workflow, SpatialJoinPlan plan, string side, string? pieces)
    {
        if (!workflow.Contains(plan.NodeId)) return null;
        var node = workflow[plan.NodeId];
        if (node is NearestNode nearest) return Nearest(workflow, nearest, plan, side);
        var (condition, kind) = node switch
        {
            JoinNode j => (j.Condition, j.Kind),
            SemiJoinNode s when plan.IndexedSide == 1 => (s.Condition, JoinKind.Inner),
            _ => (null, JoinKind.Full),
        };
        if (condition is null || plan.IndexedSide is not (0 or 1)) return null;
        bool preserved = kind switch
        {
            JoinKind.Inner => true,
            JoinKind.Left => plan.IndexedSide == 1,
            JoinKind.Right => plan.IndexedSide == 0,
            _ => false,
        };
        var conjunct = plan.Conjunct;
        if (!preserved || plan.GeoArgument < 0 || plan.GeoArgument >= conjunct.Args.Count ||
            conjunct.Args[plan.GeoArgument] is not ColumnRef { } geo || geo.Input != plan.IndexedSide || geo.Name != plan.GeoColumn ||
            conjunct.Args.Where((_, i) => i != plan.GeoArgument).Any(a => Predicates.Columns(a).Any(c => c.Input == plan.IndexedSide)))
            return null;

        var conjuncts = Predicates.Conjuncts(condition);
        int at = conjuncts.IndexOf(conjunct);
        if (at < 0) return null;
        conjuncts.RemoveAt(at);

        int indexed = node.Inputs[plan.IndexedSide], probing = node.Inputs[1 - plan.IndexedSide];
        var sideSchema = workflow[indexed].Schema;
        var probeSchema = workflow[probing].Schema;
        // A probe that is an expression (a buffer) is computed once per probing row, as a column of that input.
        string? probeColumn = conjunct.Args[1 - plan.GeoArgument] is ColumnRef || probeSchema.IsOpen ? null : Fresh("cwf_probe", probeSchema);
        return new PlannedSpatialJoin(plan, indexed, probing, side, plan.Subdivide ? pieces : null,
            Fresh("cwf_row", sideSchema), probeColumn,
            conjuncts.Count == 0 ? null : Predicates.And(conjuncts));
    }

    /// <summary>Nearest neighbours over the whole right side (no pieces).</summary>
    private static PlannedSpatialJoin? Nearest(Workflow workflow, NearestNode node, SpatialJoinPlan plan, string side)
    {
        if (plan.IndexedSide != 1 || node.Distance is not Call { Args: [ColumnRef { Input: 0 }, ColumnRef { Input: 1 } geo] } || geo.Name != plan.GeoColumn)
            return null;
        return new PlannedSpatialJoin(plan, node.Right, node.Left, side, null, Fresh("cwf_row", workflow[node.Right].Schema), null, null);
    }

    /// <summary>The name, or the name with a number, that the schema does not have.</summary>
    internal static string Fresh(string name, Schema schema)
    {
        var candidate = name;
        for (int n = 2; !schema.IsOpen && schema.Find(candidate) is not null; n++) candidate = $"{name}_{n}";
        return candidate;
    }
}
