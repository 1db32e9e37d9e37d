using System.Collections.Frozen;
using Cwf.Ir;

namespace Cwf.Tests.Equivalence;

/// <summary>
/// Which output values depend on an approximate function: a geodesic buffer (engines approximate
/// its circle with different polygons, within 0.5% of its area), and where the dialect measures on
/// another model than the interpreter's ellipsoid (<see cref="DialectTolerance.MetricExact"/>: a
/// sphere) every metric function. Such values are compared within the dialect's tolerance
/// (<see cref="OutputComparison.Approximate"/>); and where one decides which rows exist — a
/// filter, join or grouping over such a value, a limit over an order by one — a row near the edge
/// may land on either side, so that output is not compared at all (<see cref="Output.Uncertain"/>,
/// counted as inconclusive). A forward walk over the nodes.
/// </summary>
public static class Approximation
{
    /// <summary>What is approximate in one output table.</summary>
    /// <param name="Approximate">Columns whose values are computed from a buffer.</param>
    /// <param name="Uncertain">Which rows the table holds depends on a buffer.</param>
    /// <param name="OrderApproximate">The table's sort order depends on a buffer.</param>
    public sealed record Output(IReadOnlySet<string> Approximate, bool Uncertain, bool OrderApproximate)
    {
        public static Output None { get; } = new(new HashSet<string>(), false, false);
    }

    /// <param name="tolerance">The dialect's (<see cref="DialectTolerances.For"/>); by default an ellipsoid as the interpreter's.</param>
    public static Output For(Workflow workflow, TableName table, DialectTolerance? tolerance = null)
    {
        var states = Analyse(workflow, ApproximateFunctions(tolerance ?? DialectTolerance.Ellipsoid));
        var sinks = workflow.Sinks.Where(s => string.Equals(s.Table.ToString(), table.ToString(), StringComparison.OrdinalIgnoreCase)).ToList();
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        bool uncertain = false, order = false;
        foreach (var sink in sinks)
        {
            var s = states[sink.Input];
            columns.UnionWith(s.Approximate);
            uncertain |= s.Uncertain;
            order |= s.OrderApproximate;
        }
        return new Output(columns, uncertain, order);
    }

    /// <summary>Whether a workflow uses a geodesic buffer anywhere.</summary>
    public static bool UsesBuffers(Workflow workflow) => workflow.Nodes.Any(n => AllExpressions(n).Any(e => Approximated(e, Buffers, _ => false)));

    private static readonly FrozenSet<BuiltinFunction> Buffers = new[] { Functions.Buffer }.ToFrozenSet();

    private static readonly FrozenSet<BuiltinFunction> BuffersAndMeasures =
        new[] { Functions.Buffer, Functions.Distance, Functions.DWithin, Functions.Area, Functions.LengthMeters }.ToFrozenSet();

    private static FrozenSet<BuiltinFunction> ApproximateFunctions(DialectTolerance tolerance) => tolerance.MetricExact ? Buffers : BuffersAndMeasures;

    private static IEnumerable<Expr> AllExpressions(RelNode node) =>
        node.Expressions.Concat(node is AggregateNode a ? a.Aggregates.Select(c => c.Argument).OfType<Expr>() : []);

    private static Dictionary<int, Output> Analyse(Workflow workflow, FrozenSet<BuiltinFunction> approximate)
    {
        var states = new Dictionary<int, Output>();
        foreach (var node in workflow.Nodes)
        {
            Output In(int i) => states[node.Inputs[i]];
            bool Approx(Expr e, params Output[] sides) => Approximated(e, approximate, c => sides[Math.Min(c.Input, sides.Length - 1)].Approximate.Contains(c.Name));
            states[node.Id] = node switch
            {
                ScanNode => Output.None,
                FilterNode f => In(0) with { Uncertain = In(0).Uncertain || Approx(f.Predicate, In(0)), OrderApproximate = false },
                ProjectNode p => new Output(Names(p.Columns.Where(c => Approx(c.Expr, In(0))).Select(c => c.Name)), In(0).Uncertain, false),
                AggregateNode a => new Output(
                    Names(a.Keys.Where(k => Approx(k.Expr, In(0))).Select(k => k.Name)
                        .Concat(a.Aggregates.Where(c => c.Argument is { } arg && Approx(arg, In(0))).Select(c => c.Name))),
                    In(0).Uncertain || a.Keys.Any(k => Approx(k.Expr, In(0))), false),
                JoinNode j => new Output(
                    Names(j.Outputs.Where(o => In(o.Side).Approximate.Contains(o.Column)).Select(o => o.Name)),
                    In(0).Uncertain || In(1).Uncertain || Approx(j.Condition, In(0), In(1)), false),
                SemiJoinNode sj => In(0) with { Uncertain = In(0).Uncertain || In(1).Uncertain || Approx(sj.Condition, In(0), In(1)), OrderApproximate = false },
                UnionAllNode u => new Output(
                    Names(u.Sources.SelectMany(s => states[s].Approximate)), u.Sources.Any(s => states[s].Uncertain), false),
                SortNode s => In(0) with { OrderApproximate = s.Keys.Any(k => Approx(k.Expr, In(0))) },
                LimitNode => In(0) with { Uncertain = In(0).Uncertain || In(0).OrderApproximate },
                DistinctNode => In(0) with { Uncertain = In(0).Uncertain || In(0).Approximate.Count > 0, OrderApproximate = false },
                SinkNode => In(0),
                _ => new Output(Names(node.Schema.Names), true, true),
            };
        }
        return states;
    }

    private static HashSet<string> Names(IEnumerable<string> names) => new(names, StringComparer.OrdinalIgnoreCase);

    private static bool Approximated(Expr expr, FrozenSet<BuiltinFunction> approximate, Func<ColumnRef, bool> approximateColumn) =>
        expr.DescendantsAndSelf().Any(e => e is Call { Function: var f } && approximate.Contains(f) || e is ColumnRef c && approximateColumn(c));
}
