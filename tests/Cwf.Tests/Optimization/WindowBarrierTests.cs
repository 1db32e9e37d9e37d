using Cwf.Ir;
using Cwf.Optimization;
using Cwf.Optimization.Passes;
using static Cwf.Tests.Optimization.Fixtures;

namespace Cwf.Tests.Optimization;

/// <summary>
/// A window node is a barrier (spec/optimizer.md): its values depend on every row of the partition,
/// so no filter, limit or merge crosses it, and the columns it reads survive pruning.
/// </summary>
public class WindowBarrierTests
{
    /// <summary>cities | project (population doubled) | window rank() over (partition by country order by population desc) | filter.</summary>
    private static (Workflow Workflow, int Window, int Filter) Ranked(Func<WorkflowBuilder, int, Expr> predicate)
    {
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        var doubled = b.Project(scan.Id, [b.Keep(scan.Id, "id"), b.Keep(scan.Id, "country"),
            new("population", ExprFactory.Binary(BinaryOp.Multiply, b.Col(scan.Id, "population"), Int(2)))], "doubled");
        var window = b.Window(doubled.Id, [new WindowCall("r", WindowFunction.Rank, [], [b.Col(doubled.Id, "country")],
            [new WindowKey(b.Col(doubled.Id, "population"), Descending: true, NullsFirst: false)], null)], "ranked");
        var filter = b.Filter(window.Id, predicate(b, window.Id), FilterBranch.Match, "kept");
        b.Sink(filter.Id, Table("out"), WriteMode.Replace, "out");
        return (b.ToWorkflow(), window.Id, filter.Id);
    }

    [Fact]
    public void Predicate_pushdown_does_not_move_a_filter_below_a_window()
    {
        // A filter on the rank, and one on an input column: moving either below would change the ranks.
        var (onRank, _, _) = Ranked((b, w) => ExprFactory.Eq(b.Col(w, "r"), Int(1)));
        AssertUnchanged(new PredicatePushdown(), onRank);
        var (onInput, window, filter) = Ranked((b, w) => ExprFactory.Binary(BinaryOp.Greater, b.Col(w, "population"), Int(100)));
        var after = Settle(new PredicatePushdown(), onInput);
        Assert.Equal(window, Assert.IsType<FilterNode>(after[filter]).Input);
    }

    [Fact]
    public void Filter_merging_does_not_merge_across_a_window()
    {
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        var below = b.Filter(scan.Id, ExprFactory.Binary(BinaryOp.Greater, b.Col(scan.Id, "population"), Int(10)), FilterBranch.Match, "below");
        var window = b.Window(below.Id, [new WindowCall("n", WindowFunction.CountAll, [], [b.Col(below.Id, "country")], [], null)], "counted");
        var above = b.Filter(window.Id, ExprFactory.Binary(BinaryOp.Greater, b.Col(window.Id, "n"), Int(2)), FilterBranch.Match, "above");
        b.Sink(above.Id, Table("out"), WriteMode.Replace, "out");
        AssertUnchanged(new FilterMerging(), b.ToWorkflow());
    }

    [Fact]
    public void Limit_pushdown_does_not_move_a_limit_below_a_window()
    {
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        var window = b.Window(scan.Id, [new WindowCall("n", WindowFunction.CountAll, [], [], [], null)], "counted");
        var project = b.Project(window.Id, [b.Keep(window.Id, "id"), b.Keep(window.Id, "n")], "p");
        var limit = b.Limit(project.Id, Int(5), "first");
        b.Sink(limit.Id, Table("out"), WriteMode.Replace, "out");
        var after = Settle(new LimitPushdown(), b.ToWorkflow());
        // The limit may move below the projection, never below the count over every row.
        var moved = after.Nodes.OfType<LimitNode>().Single();
        Assert.True(moved.Input == window.Id || moved.Input == project.Id, IrPrinter.Print(after));
        Assert.Equal(scan.Id, ((WindowNode)after[window.Id]).Input);
    }

    [Fact]
    public void Projection_pruning_keeps_the_columns_a_window_reads()
    {
        // Only id and r reach the output, but the window reads country and population.
        var (workflow, window, filter) = Ranked((b, w) => ExprFactory.Eq(b.Col(w, "r"), Int(1)));
        var after = Settle(new ProjectionPruning(), WithOutputProjection(workflow, filter, ["id", "r"]));
        Assert.Empty(IrValidator.Validate(after));
        var input = after[((WindowNode)after[window]).Input];
        Assert.Equal(["id", "country", "population"], input.Schema.Names);
    }

    [Fact]
    public void The_whole_optimizer_keeps_the_filter_above_the_window()
    {
        var (workflow, window, _) = Ranked((b, w) => ExprFactory.And(ExprFactory.Eq(b.Col(w, "r"), Int(1)), ExprFactory.Eq(b.Col(w, "country"), Literal.String("FR"))));
        var optimized = PassManager.Optimize(workflow, new OptimizerOptions { Target = OptimizerTarget.Conservative, VerifyEachPass = true }).Optimized;
        var filters = optimized.Nodes.OfType<FilterNode>().ToList();
        // Both conjuncts stay above the window (the partition one could move, but is kept conservatively).
        var filter = Assert.Single(filters);
        Assert.IsType<WindowNode>(optimized[filter.Input]);
        Assert.Equal(2, Predicates.Conjuncts(filter.Predicate).Count());
    }

    /// <summary>The workflow with a projection to <paramref name="columns"/> between <paramref name="node"/> and its sink.</summary>
    private static Workflow WithOutputProjection(Workflow workflow, int node, string[] columns)
    {
        var sink = workflow.Sinks.Single();
        int id = workflow.Nodes.Max(n => n.Id) + 1;
        var schema = workflow[node].Schema;
        var project = new ProjectNode(id, "p", node, [.. columns.Select(c => new NamedExpr(c, ExprFactory.Column(schema.Find(c)!)))]);
        return workflow.WithNodes([.. workflow.Nodes.Where(n => n is not SinkNode), project, sink.WithInputs([id])]);
    }
}
