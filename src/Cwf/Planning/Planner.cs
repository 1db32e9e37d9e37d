using System.Collections.Immutable;
using Cwf.Analysis;
using Cwf.Ir;
using Cwf.Optimization;

namespace Cwf.Planning;

/// <summary>
/// Decides how each result reaches the statements that read it. Everything is a chain of CTEs
/// unless one of these rules says otherwise; each decision carries its reason for `cwf explain`.
/// <list type="number">
/// <item><b>Expensive</b> means the node or a step above it computes a join, semi-join,
/// aggregate, distinct, sort, window, custom SQL or a spatial / H3 function. Cheap chains (scans,
/// filters, plain projections) are recomputed rather than written: writing a table costs more
/// than re-reading one with a filter.</item>
/// <item><b>Shared across statements</b> (an expensive result that reaches two or more outputs:
/// each output is its own statement, and no warehouse shares a CTE between statements): a
/// temporary table computed once; where the target has none, a view (one definition, though
/// the engine still computes it per statement); else CTEs.</item>
/// <item><b>Shared within one statement</b> (an expensive result read several times by one
/// output's query): a CTE where the engine computes a CTE read several times once
/// (<see cref="OptimizerTarget.MaterializesSharedCtes"/>: PostgreSQL, DuckDB, Snowflake), else a
/// temporary table (BigQuery and Databricks inline every reference).</item>
/// <item><b>A single query per output</b> (<c>--emit query</c>) creates nothing: every step is a CTE
/// and no spatial join is planned.</item>
/// <item><b>Spatial joins</b> on a target that does not index spatial joins itself
/// (<see cref="OptimizerTarget.NeedsExplicitSpatialIndex"/>) and can build an index on a temp
/// table: a <see cref="SpatialJoinPlan"/>. The indexed side is the container of within /
/// contains / covers, the right input of a semi or anti join (the EXISTS probes it), else the
/// right input of the join (the canvas's secondary table, usually the polygons).</item>
/// </list>
/// <para>
/// What the backend emits for a spatial join plan (PostGIS):
/// <c>CREATE TEMP TABLE side AS SELECT row_number() OVER () AS cwf_row, * FROM (&lt;indexed input&gt;)</c>;
/// with <see cref="SpatialJoinPlan.Subdivide"/>, <c>CREATE TEMP TABLE pieces AS SELECT cwf_row,
/// ST_Subdivide(geo, max_vertices) AS cwf_piece FROM side</c> (else the pieces are the rows);
/// <c>CREATE INDEX ON pieces USING GIST (cwf_piece)</c>; <c>ANALYZE pieces</c>. A join then
/// matches the other input against pieces, keeps DISTINCT (other row, cwf_row) pairs so that a
/// pair matched through several pieces counts once, evaluates the exact predicate against
/// <c>side.geo</c> when <see cref="SpatialJoinPlan.PiecesAreExact"/> is false, and joins back to
/// <c>side</c> for the columns. A semi / anti join becomes [NOT] EXISTS (SELECT 1 FROM pieces
/// JOIN side ... WHERE predicate), which needs no deduplication. For dwithin the index must serve
/// the geodesic test: index <c>cwf_piece::geography</c>, or prefilter with the geometry index on
/// <c>ST_Expand</c> by the distance in degrees and test on geography.
/// </para>
/// <para>
/// The plan is final: it only asks for what the target has, and the backend carries it out as it
/// stands (it refuses a plan that asks for more). A plan made by hand is made to fit with <see cref="Fit"/>.
/// </para>
/// </summary>
public static class Planner
{
    /// <summary>
    /// Pieces of at most 64 vertices: each candidate test is cheaper, and the index larger, than
    /// with ST_Subdivide's default of 256; 64 was the fastest of 64 / 128 / 256 on the spatial SQL
    /// benchmark (benchmarks/README.md).
    /// </summary>
    public const int DefaultMaxVerticesPerPiece = 64;

    /// <param name="singleQuery">The backend writes one query per output (<c>--emit query</c>), which can create no table or view.</param>
    public static MaterializationPlan Plan(Workflow workflow, OptimizerTarget target, bool singleQuery = false) =>
        Plan(WorkflowAnalyzer.Analyze(workflow), target, singleQuery);

    /// <param name="singleQuery">The backend writes one query per output (<c>--emit query</c>), which can create no table or view.</param>
    public static MaterializationPlan Plan(WorkflowAnalysis analysis, OptimizerTarget target, bool singleQuery = false)
    {
        var workflow = analysis.Workflow;
        var positions = new NodePositions(workflow);
        var expensive = ExpensiveNodes(workflow, positions);
        var outputs = new OutputsReached(analysis, positions);
        var decisions = ImmutableSortedDictionary.CreateBuilder<int, NodePlan>();
        foreach (var (id, readers) in analysis.Shared)
        {
            var node = workflow[id];
            if (node is ScanNode) continue;
            int position = positions[id];
            decisions[id] = Decide(node, readers, outputs.Count(position), expensive[position], target, singleQuery);
        }

        var spatial = ImmutableSortedDictionary.CreateBuilder<int, SpatialJoinPlan>();
        if (!singleQuery && target.NeedsExplicitSpatialIndex && target.SupportsTempTables && target.SupportsSpatialIndex)
        {
            foreach (var node in workflow.Nodes)
            {
                if (analysis.IsDead(node.Id)) continue;
                if (SpatialJoin(workflow, node, target) is { } plan) spatial[node.Id] = plan;
            }
        }
        return new MaterializationPlan(decisions.ToImmutable()) { SpatialJoins = spatial.ToImmutable() };
    }

    private static NodePlan Decide(RelNode node, int readers, int outputCount, bool expensive, OptimizerTarget target, bool singleQuery)
    {
        string shared = outputCount > 1 ? $"read by {readers} steps feeding {outputCount} output tables" : $"read {readers} times within one output's query";
        if (!expensive)
            return new(node.Id, Materialization.Cte, $"{shared}, but cheap (only scans, filters and plain projections above it): recomputing costs less than writing a table");
        if (singleQuery)
            return new(node.Id, Materialization.Cte, $"{shared}; a single query per output creates no tables: computed in a CTE of each query");
        if (outputCount > 1)
        {
            if (target.SupportsTempTables)
                return new(node.Id, Materialization.TempTable, $"{shared}; each output is a separate statement, so a CTE would be computed once per output: computed once into a temporary table");
            if (target.SupportsViews)
                return new(node.Id, Materialization.View, $"{shared}; {target.Name} has no temporary tables: a view keeps one definition (the engine still computes it per statement)");
            return new(node.Id, Materialization.Cte, $"{shared}; {target.Name} has neither temporary tables nor views: repeated as a CTE in each statement");
        }
        if (target.MaterializesSharedCtes)
            return new(node.Id, Materialization.Cte, $"{shared}; {target.Name} computes a CTE that is read several times only once");
        if (target.SupportsTempTables)
            return new(node.Id, Materialization.TempTable, $"{shared}; {target.Name} recomputes a CTE at every reference: computed once into a temporary table");
        return new(node.Id, Materialization.Cte, $"{shared}; recomputed at every reference ({target.Name} has no temporary tables)");
    }

    /// <summary>
    /// A plan made by hand (a tool, a test) as <paramref name="target"/> can carry it out: a
    /// temporary table where the target has none becomes a view or a CTE, a view where it has none
    /// a temporary table or a CTE, and in a single query everything is a CTE; each changed decision
    /// says why. Spatial join plans the target cannot run (or a single query) are left out.
    /// </summary>
    public static MaterializationPlan Fit(MaterializationPlan requested, OptimizerTarget target, bool singleQuery = false)
    {
        var decisions = requested.Decisions.ToImmutableSortedDictionary(d => d.Key, d => Fit(d.Value, target, singleQuery));
        bool spatial = !singleQuery && target.SupportsTempTables && target.SupportsSpatialIndex;
        return new MaterializationPlan(decisions) { SpatialJoins = spatial ? requested.SpatialJoins : requested.SpatialJoins.Clear() };
    }

    private static NodePlan Fit(NodePlan requested, OptimizerTarget target, bool singleQuery)
    {
        var (kind, why) = requested.Kind switch
        {
            Materialization.Cte => (Materialization.Cte, null),
            _ when singleQuery => (Materialization.Cte, "a single query creates nothing"),
            Materialization.TempTable when target.SupportsTempTables => (Materialization.TempTable, null),
            Materialization.TempTable when target.SupportsViews => (Materialization.View, $"{target.Name} has no temporary tables"),
            Materialization.TempTable => (Materialization.Cte, $"{target.Name} has no temporary tables or views"),
            Materialization.View when target.SupportsViews => (Materialization.View, null),
            Materialization.View when target.SupportsTempTables => (Materialization.TempTable, $"{target.Name} cannot create a view without a schema"),
            _ => (Materialization.Cte, $"{target.Name} cannot create a view without a schema"),
        };
        return why is null ? requested : requested with { Kind = kind, Reason = $"{requested.Reason}; planned as a {Describe(requested.Kind)}, but {why}: a {Describe(kind)} instead" };
    }

    /// <summary>How a materialization reads in explanations.</summary>
    public static string Describe(Materialization kind) => kind switch
    {
        Materialization.TempTable => "temporary table",
        Materialization.View => "view",
        _ => "CTE",
    };

    /// <summary>Whether each node (by position), or a step above it, does real work (joins, grouping, sorting, custom SQL, spatial functions).</summary>
    private static bool[] ExpensiveNodes(Workflow workflow, NodePositions positions)
    {
        var nodes = workflow.Nodes;
        var expensive = new bool[nodes.Length];
        for (int i = 0; i < nodes.Length; i++)
        {
            var node = nodes[i];
            bool own = node is JoinNode or SemiJoinNode or NearestNode or AggregateNode or DistinctNode or SortNode or WindowNode or OpaqueNode;
            if (!own)
            {
                var expressions = node.Expressions;
                for (int e = 0; e < expressions.Count && !own; e++) own = !Predicates.IsCheap(expressions[e]);
            }
            var inputs = node.Inputs;
            for (int k = 0; k < inputs.Count && !own; k++) own = expensive[positions[inputs[k]]];
            expensive[i] = own;
        }
        return expensive;
    }

    private static SpatialJoinPlan? SpatialJoin(Workflow workflow, RelNode node, OptimizerTarget target)
    {
        if (node is NearestNode nearest) return Nearest(workflow, nearest, target);
        var (condition, isSemi, kind) = node switch
        {
            JoinNode j => (j.Condition, false, j.Kind),
            SemiJoinNode s => (s.Condition, true, JoinKind.Inner),
            _ => (null, false, JoinKind.Inner),
        };
        if (condition is null || kind == JoinKind.Full) return null;
        foreach (var conjunct in Predicates.Conjuncts(condition))
        {
            if (conjunct is not Call { Function.Category: FunctionCategory.Spatial } call || call.Function.FixedType != SqlType.Bool || call.Args.Count < 2) continue;
            // The probe is computed once per probing row instead of once per pair: only for deterministic expressions.
            if (!Predicates.IsDeterministic(call)) continue;
            var name = call.Function.Name;
            // The container of within(a, b) is b; of contains / covers(a, b) it is a.
            int? container = name switch
            {
                "st_within" => 1,
                "st_contains" or "st_covers" => 0,
                _ => null,
            };
            // Symmetric predicates: index the right input's column (the canvas's secondary input,
            // usually the polygons), whichever argument it is; the left one when the right side
            // is an expression (a buffer) that no index could serve, or when a right join keeps
            // every right row.
            int argument = container ?? SymmetricArgument(call, kind == JoinKind.Right ? [0] : kind == JoinKind.Left || isSemi ? [1] : [1, 0]);
            if (argument < 0 || call.Args[argument] is not ColumnRef geo) continue;
            int side = geo.Input;
            if (isSemi && side != 1) continue;
            // The other input probes the index row by row, so the other arguments (the probe, a distance) must not read the indexed side.
            if (call.Args.Where((_, i) => i != argument).Any(a => Predicates.Columns(a).Any(r => r.Input == side))) continue;
            // An outer join keeps the rows of its preserved side: only that side can probe.
            if (kind == JoinKind.Left && side != 1 || kind == JoinKind.Right && side != 0) continue;
            var probe = workflow[node.Inputs[1 - side]];
            if (AtMostRows(workflow, probe) is { } rows && rows <= TinyProbeRows) return null;
            bool exact = name is "st_intersects" or "st_dwithin";
            bool implied = name is not "st_touches";
            var input = workflow[node.Inputs[side]];
            var subdivide = target.SupportsSubdivide
                ? $", split into pieces of at most {DefaultMaxVerticesPerPiece} vertices (ST_Subdivide){(exact ? "" : " used to find candidates, then the exact predicate on the whole geometry where no piece decides")}"
                : "";
            var what = isSemi ? "EXISTS probe" : kind == JoinKind.Inner ? "join" : $"{kind.ToString().ToLowerInvariant()} join";
            var reason = $"{target.Name} does not index spatial joins by itself: {Describe(input)} ({(side == 0 ? "left" : "right")} input) is materialized once{subdivide}, " +
                         $"indexed (GiST) and analysed before the {name} {what}" +
                         (isSemi || !target.SupportsSubdivide ? "" : "; pairs matched through several pieces are counted once") +
                         " (measured 19-48x on PostGIS, shared/design/performance.md)";
            return new SpatialJoinPlan(node.Id, side, geo.Name, name, target.SupportsSubdivide, DefaultMaxVerticesPerPiece,
                exact || !target.SupportsSubdivide, reason, call, argument, implied || !target.SupportsSubdivide);
        }
        return null;
    }

    /// <summary>
    /// Nearest neighbours whose distance is between a left and a right geography column: the right
    /// input materialized whole (no pieces: the k nearest are found by the index's own ordering),
    /// its geodesic key indexed, each left row probing it in a LATERAL subquery.
    /// </summary>
    private static SpatialJoinPlan? Nearest(Workflow workflow, NearestNode node, OptimizerTarget target)
    {
        if (node.Distance is not Call { Args: [ColumnRef { Input: 0 } probe, ColumnRef { Input: 1 } geo] } distance) return null;
        if (AtMostRows(workflow, workflow[node.Left]) is { } rows && rows <= TinyProbeRows) return null;
        var conjunct = (Call)ExprFactory.Call(Functions.DWithin, probe, geo, node.Within ?? Literal.Float(0));
        var reason = $"{target.Name} does not index spatial joins by itself: {Describe(workflow[node.Right])} (right input) is materialized once, " +
                     $"its geography indexed (GiST) and analysed; each left row finds its {node.K} nearest through the index (<->, on the sphere), " +
                     $"then ranks exactly the rows within a slightly wider radius ({distance.Function.Name} on the spheroid)";
        return new SpatialJoinPlan(node.Id, 1, geo.Name, Functions.DWithin.Name, false, DefaultMaxVerticesPerPiece, true, reason, conjunct, 1, true);
    }

    /// <summary>The argument that is a column of the first of <paramref name="sides"/> that has one (the later argument first), or -1.</summary>
    private static int SymmetricArgument(Call call, int[] sides)
    {
        foreach (int side in sides)
            for (int i = 1; i >= 0; i--)
                if (call.Args[i] is ColumnRef c && c.Input == side) return i;
        return -1;
    }

    /// <summary>A probe input known to have at most this many rows is not worth a materialized, indexed side: the plain join tests every pair of so few rows directly.</summary>
    public const int TinyProbeRows = 16;

    /// <summary>
    /// An upper bound on a node's row count known from the IR alone (a literal limit or a global
    /// aggregate at most a few row-preserving steps up), or null. The walk is bounded, so a long
    /// chain costs nothing per spatial join.
    /// </summary>
    private static long? AtMostRows(Workflow workflow, RelNode node)
    {
        var current = node;
        for (int step = 0; step < 32; step++)
        {
            switch (current)
            {
                case LimitNode { Count: Literal { Value: long n } }:
                    return Math.Max(n, 0);
                case AggregateNode { Keys.IsEmpty: true }:
                    return 1;
                // Filters, projections, sorts, limits and distinct never add rows: look at their input.
                case FilterNode or ProjectNode or SortNode or LimitNode or DistinctNode:
                    current = workflow[current.Inputs[0]];
                    break;
                default:
                    return null;
            }
        }
        return null;
    }

    private static string Describe(RelNode node) => $"%{node.Id}" + (node.Name.Length > 0 ? $" '{node.Name}'" : "");
}
