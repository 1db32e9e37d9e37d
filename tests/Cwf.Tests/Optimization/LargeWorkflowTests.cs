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
    public void A_wide_dag_keeps_its_shared_branches_and_unions_stay_aligned()
    {
        var result = PassManager.Optimize(WorkflowShapes.WideDag(200), new OptimizerOptions { Target = Fixtures.PostgisLike, VerifyEachPass = true });
        Assert.True(result.ReachedFixedPoint);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(IrValidator.Validate(result.Optimized));
        Assert.Equal(20 + 1, result.Optimized.Sinks.Count());
    }
}
