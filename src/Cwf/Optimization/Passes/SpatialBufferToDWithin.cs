using Cwf.Ir;

namespace Cwf.Optimization.Passes;

/// <summary>
/// Rewrites <c>st_intersects(st_buffer(a, d), b)</c> into <c>st_dwithin(a, b, d)</c>: no buffer
/// polygon is built, and distance joins can use the warehouse's spatial join strategy. The two
/// agree except within the buffer's segment approximation of the circle (at most 0.5%, contract
/// 5a.3), where dwithin gives the exact geodesic answer. Matched both inline and through a
/// projection column (the canvas buffer step adds <c>geo_buffer := st_buffer(geo, d)</c> and a
/// later join or filter intersects it), in which case the buffer must not be otherwise used:
/// the projection has no other reader, the condition reads the column once and nothing
/// downstream needs it; projection pruning then drops the buffer. Only for a literal d &gt; 0 (a
/// zero or negative buffer of a point is empty, which dwithin does not mirror).
/// <para>
/// This is a cost decision, not a free win: on PostGIS, dwithin on geography against complex
/// polygons was measured far slower than buffer + intersects (over 250 s against 42 s,
/// shared/design/performance.md), so the pass runs only where
/// <see cref="OptimizerTarget.PrefersDWithinOverBuffer"/> says the target is faster with dwithin.
/// </para>
/// </summary>
public sealed class SpatialBufferToDWithin : OptimizerPass
{
    public override string Name => "spatial-buffer-to-dwithin";
    public override string Description => "st_intersects(st_buffer(a, d), b) -> st_dwithin(a, b, d) where the target prefers dwithin";

    public override Workflow Run(Workflow workflow, OptimizerTarget target)
    {
        if (!target.PrefersDWithinOverBuffer) return workflow;
        var rw = new WorkflowRewriter(workflow);
        RequiredColumns? required = null;
        // The needed columns are computed for the first filter or semi-join that asks, and their array given back after the walk.
        try
        {
            foreach (var node in workflow.Nodes)
            {
                var current = rw[node.Id];
                var inline = current.MapExpressions(e => current is FilterNode or JoinNode or SemiJoinNode ? Predicates.Rewrite(e, Inline) : e);
                if (!ReferenceEquals(inline, current)) current = rw.Replace(inline);

                switch (current)
                {
                    case JoinNode j:
                        var joinCondition = ThroughColumn(rw, j.Condition, [j.Left, j.Right],
                            (side, column) => !j.Outputs.Any(o => o.Side == side && o.Column.Equals(column, StringComparison.OrdinalIgnoreCase)),
                            mayAddColumn: _ => true);
                        if (joinCondition is not null) rw.Replace(j with { Condition = joinCondition });
                        break;
                    case SemiJoinNode s:
                        var semiCondition = ThroughColumn(rw, s.Condition, [s.Left, s.Right],
                            (side, column) => side == 1 || !(required ??= RequiredColumns.Compute(workflow)).IsNeeded(s.Id, column),
                            mayAddColumn: side => side == 1);
                        if (semiCondition is not null) rw.Replace(s with { Condition = semiCondition });
                        break;
                    case FilterNode f when f.Branch == FilterBranch.Match:
                        var predicate = ThroughColumn(rw, f.Predicate, [f.Input],
                            (_, column) => !(required ??= RequiredColumns.Compute(workflow)).IsNeeded(f.Id, column),
                            mayAddColumn: _ => false);
                        if (predicate is not null) rw.Replace(f with { Predicate = predicate });
                        break;
                }
            }
        }
        finally
        {
            required?.Dispose();
        }
        return rw.ToWorkflow();
    }

    private static Expr Inline(Expr e) =>
        e is Call { Function.Name: "st_intersects" } c && (Buffer(c.Args[0]), Buffer(c.Args[1])) switch
        {
            ({ } first, _) => ExprFactory.Call(Functions.DWithin, first.Geo, c.Args[1], first.Distance),
            (_, { } second) => ExprFactory.Call(Functions.DWithin, second.Geo, c.Args[0], second.Distance),
            _ => null,
        } is { } rewritten ? rewritten : e;

    private static (Expr Geo, Expr Distance)? Buffer(Expr e) =>
        e is Call { Function.Name: "st_buffer", Args: [var geo, Literal { Value: long or double or decimal } d] } && Convert.ToDouble(d.Value) > 0
            ? (geo, d) : null;

    /// <summary>
    /// Rewrites one conjunct <c>st_intersects(col, b)</c> where <c>col</c> is a buffer computed by
    /// the single-reader projection that feeds input <c>col.Input</c>. The projection must pass the
    /// buffered column through, or gains that column where no reader sees it (a join's outputs
    /// are explicit; a semi-join's right side is not output). Null when no conjunct qualifies.
    /// </summary>
    private static Expr? ThroughColumn(WorkflowRewriter rw, Expr condition, int[] inputs, Func<int, string, bool> unusedElsewhere, Func<int, bool> mayAddColumn)
    {
        var conjuncts = Predicates.Conjuncts(condition);
        for (int i = 0; i < conjuncts.Count; i++)
        {
            if (conjuncts[i] is not Call { Function.Name: "st_intersects" } call) continue;
            for (int arg = 0; arg < 2; arg++)
            {
                if (call.Args[arg] is not ColumnRef column || rw[inputs[column.Input]] is not ProjectNode p || rw.Readers(p.Id) != 1) continue;
                var definition = p.Columns.FirstOrDefault(c => c.Name.Equals(column.Name, StringComparison.OrdinalIgnoreCase));
                if (definition is null || Buffer(definition.Expr) is not { Geo: ColumnRef geo } buffer) continue;
                if (Predicates.Columns(condition).Count(r => r.Input == column.Input && r.Name.Equals(column.Name, StringComparison.OrdinalIgnoreCase)) != 1) continue;
                if (!unusedElsewhere(column.Input, column.Name)) continue;
                var passed = p.Columns.FirstOrDefault(c => c.Expr is ColumnRef r && r.Name.Equals(geo.Name, StringComparison.OrdinalIgnoreCase));
                if (passed is null)
                {
                    // Pruning may have dropped the buffered column; add it back where no reader sees the extra column.
                    if (!mayAddColumn(column.Input) || p.Columns.Any(c => c.Name.Equals(geo.Name, StringComparison.OrdinalIgnoreCase))) continue;
                    passed = new NamedExpr(geo.Name, geo);
                    rw.Replace(p with { Columns = p.Columns.Add(passed) });
                }
                var other = call.Args[1 - arg];
                var reference = new ColumnRef(passed.Name, passed.Expr.Type, passed.Expr.Nullable, column.Input);
                conjuncts[i] = ExprFactory.Call(Functions.DWithin, reference, other, buffer.Distance);
                return Predicates.And(conjuncts);
            }
        }
        return null;
    }
}
