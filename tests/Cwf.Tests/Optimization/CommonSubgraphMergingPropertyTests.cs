using Cwf.Ir;
using Xunit.Abstractions;
using Cwf.Optimization;
using Cwf.Optimization.Passes;
using static Cwf.Tests.Optimization.Fixtures;

namespace Cwf.Tests.Optimization;

// The pass looks for a node's equal only among the readers of its first input, in an array lent by the shared pool
// and sized by a count: on random workflows full of equal steps (over scans of the same tables, filters and unions
// of the same inputs, chains that become equal once their inputs merge), one pass after another on the same thread,
// it must merge exactly what comparing every node with every kept node before it merges.
public class CommonSubgraphMergingPropertyTests(ITestOutputHelper output)
{
    private static readonly Schema X = new([new Column("x", SqlType.Int64)]);

    [Theory]
    [InlineData(20261208)]
    [InlineData(99)]
    [InlineData(123456)]
    public void Random_workflows_merge_as_comparing_every_pair_does(int seed)
    {
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        for (int run = 0; run < 40; run++)
        {
            var workflow = RandomWorkflow(random, random.Next(5, 80));
            var expected = IrPrinter.Print(PairwiseMerge(workflow));
            var actual = IrPrinter.Print(new CommonSubgraphMerging().Run(workflow, PostgisLike));
            Assert.True(expected == actual, $"seed {seed}, run {run}:\n{IrPrinter.Print(workflow)}\nexpected\n{expected}\nactual\n{actual}");
        }
    }

    private static Workflow RandomWorkflow(Random random, int size)
    {
        var b = new WorkflowBuilder("t");
        var ids = new List<int>();
        Expr X0(int node) => ExprFactory.Column(b.SchemaOf(node).Find("x")!);
        for (int i = 0; i < size; i++)
        {
            int pick = ids.Count == 0 ? 0 : random.Next(5);
            int input = ids.Count == 0 ? 0 : ids[random.Next(ids.Count)];
            ids.Add(pick switch
            {
                0 => b.Scan(Table(random.Next(2) == 0 ? "a" : "b"), X, $"s{i}").Id,
                1 => b.Filter(input, ExprFactory.Binary(BinaryOp.Greater, X0(input), Int(random.Next(2))), FilterBranch.Match, $"f{i}").Id,
                2 => b.Project(input, [new NamedExpr("x", ExprFactory.Binary(BinaryOp.Add, X0(input), Int(random.Next(2))))], $"p{i}").Id,
                3 => b.UnionAll([input, ids[random.Next(ids.Count)]], $"u{i}").Id,
                _ => b.Sink(input, Table($"out{i}"), WriteMode.Replace, $"o{i}").Id,
            });
            if (pick == 4) ids.RemoveAt(ids.Count - 1);
        }
        return b.ToWorkflow();
    }

    // The promise, plainly: each step not an output merges into the first step before it, still kept, that computes the same.
    private static Workflow PairwiseMerge(Workflow workflow)
    {
        var rw = new WorkflowRewriter(workflow);
        var structure = new NodeStructure(rw.Resolve);
        var kept = new List<RelNode>();
        foreach (var original in workflow.Nodes)
        {
            var node = rw[original.Id];
            if (node is SinkNode) continue;
            var same = kept.FirstOrDefault(k => structure.Equals(k, node));
            if (same is not null) rw.Redirect(node.Id, same.Id);
            else kept.Add(node);
        }
        return rw.ToWorkflow();
    }
}
