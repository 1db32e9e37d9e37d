using Cwf.Benchmarks.Shapes;
using Cwf.Ir;
using Cwf.Optimization;
using Cwf.Planning;

namespace Cwf.Tests.Optimization;

/// <summary>Long chains and wide graphs go through every pass and the planner without recursion trouble.</summary>
public class LargeWorkflowTests
{
    [Fact]
    public void A_ten_thousand_step_chain_optimizes_to_a_fixed_point_with_every_filter_at_the_scan()
    {
        var chain = WorkflowShapes.LinearChain(10_000);
        var result = PassManager.Optimize(chain, new OptimizerOptions { Target = Fixtures.BigQueryLike });
        Assert.True(result.ReachedFixedPoint);
        Assert.Empty(IrValidator.Validate(result.Optimized));
        var scan = result.Optimized.Nodes[0];
        var filters = result.Optimized.Nodes.OfType<FilterNode>().ToList();
        var filter = Assert.Single(filters);
        Assert.Equal(scan.Id, filter.Input);
        Assert.Equal(3333, Predicates.Conjuncts(filter.Predicate).Count);
        Assert.Empty(Planner.Plan(result.Optimized, Fixtures.PostgisLike).Decisions);
    }

    [Fact]
    public void Twenty_thousand_filters_on_one_column_merge_into_one_shallow_condition()
    {
        // Merged one filter at a time the condition nested 20,000 deep and printing it overflowed the stack.
        var result = PassManager.Optimize(WorkflowShapes.SameColumnFilters(20_002), new OptimizerOptions { Target = Fixtures.PostgisLike });
        Assert.True(result.ReachedFixedPoint);
        var filter = Assert.Single(result.Optimized.Nodes.OfType<FilterNode>());
        Assert.Equal(20_000, Predicates.Conjuncts(filter.Predicate).Count);
        Assert.InRange(Depth(filter.Predicate), 2, 64);
    }

    private static int Depth(Expr root)
    {
        int deepest = 0;
        var stack = new Stack<(Expr Expr, int Depth)>([(root, 1)]);
        while (stack.TryPop(out var top))
        {
            deepest = Math.Max(deepest, top.Depth);
            foreach (var child in top.Expr.Children) stack.Push((child, top.Depth + 1));
        }
        return deepest;
    }

    [Fact]
    public void A_wide_dag_keeps_its_shared_branches_and_unions_stay_aligned()
    {
        var result = PassManager.Optimize(WorkflowShapes.WideDag(200), new OptimizerOptions { Target = Fixtures.PostgisLike, VerifyEachPass = true });
        Assert.True(result.ReachedFixedPoint);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(IrValidator.Validate(result.Optimized));
        Assert.Equal(20 + 1, result.Optimized.Sinks.Count());
    }
}
