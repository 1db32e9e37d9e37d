using Cwf.Analysis;
using Cwf.Ir;
using Cwf.Planning;
using static Cwf.Tests.Optimization.Fixtures;

namespace Cwf.Tests.Planning;

/// <summary>
/// The outputs each node's result reaches (<c>OutputsReached</c>): one number a node, and a set only for a node that
/// reaches several. On seeded random workflows of scans, filters and unions (shared steps, diamonds, several outputs
/// over one step), each node's count must be the number of sinks a walk up from each sink finds it from.
/// </summary>
public sealed class OutputsReachedTests
{
    [Theory]
    [InlineData(20261208)]
    [InlineData(7)]
    [InlineData(123456)]
    public void Each_node_counts_the_outputs_a_walk_from_every_output_reaches(int seed)
    {
        var random = new Random(seed);
        for (int trial = 0; trial < 40; trial++)
        {
            var workflow = RandomWorkflow(random, trial);
            var positions = new NodePositions(workflow);
            var reached = new OutputsReached(WorkflowAnalyzer.Analyze(workflow), positions);
            var expected = Expected(workflow, positions);
            for (int i = 0; i < workflow.Nodes.Length; i++)
                Assert.True(expected[i] == reached.Count(i), $"seed {seed}, trial {trial}, node %{workflow.Nodes[i].Id}: {reached.Count(i)} outputs, expected {expected[i]}");
        }
    }

    /// <summary>Scans, then filters and unions over random earlier steps, then sinks over random steps (some over the same step).</summary>
    private static Workflow RandomWorkflow(Random random, int trial)
    {
        var b = new WorkflowBuilder($"w{trial}");
        var schema = new Schema([new("x", SqlType.Int64)]);
        var steps = new List<int>();
        for (int s = 0, scans = random.Next(1, 4); s < scans; s++) steps.Add(b.Scan(Table($"t{s}"), schema, $"t{s}").Id);
        for (int n = 0, count = random.Next(1, 60); n < count; n++)
        {
            int Pick() => steps[random.Next(steps.Count)];
            int input = Pick();
            steps.Add(random.Next(3) == 0
                ? b.UnionAll([input, .. Enumerable.Range(0, random.Next(1, 3)).Select(_ => Pick())], $"u{n}").Id
                : b.Filter(input, ExprFactory.Binary(BinaryOp.Greater, b.Col(input, "x"), Int(n)), FilterBranch.Match, $"f{n}").Id);
        }
        for (int o = 0, outputs = random.Next(1, 6); o < outputs; o++)
            b.Sink(steps[random.Next(steps.Count)], Table($"out{o}"), WriteMode.Replace, $"out{o}");
        return b.ToWorkflow();
    }

    /// <summary>By position: how many sinks reach the node, each walked up on its own.</summary>
    private static int[] Expected(Workflow workflow, NodePositions positions)
    {
        var counts = new int[workflow.Nodes.Length];
        foreach (var sink in workflow.Sinks)
        {
            var seen = new HashSet<int>();
            var stack = new Stack<int>([sink.Id]);
            while (stack.TryPop(out int id))
            {
                if (!seen.Add(id)) continue;
                counts[positions[id]]++;
                foreach (var input in workflow[id].Inputs) stack.Push(input);
            }
        }
        return counts;
    }
}
