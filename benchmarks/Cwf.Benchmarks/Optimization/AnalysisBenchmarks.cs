using BenchmarkDotNet.Attributes;
using Cwf.Analysis;
using Cwf.Benchmarks.Shapes;
using Cwf.Ir;

namespace Cwf.Benchmarks.Optimization;

/// <summary>The graph analyses on linear chains of 10 to 10,000 steps: the cost should grow linearly.</summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private Workflow _chain = null!;
    private (int From, int To)[] _edges = [];

    [Params(10, 1_000, 10_000)]
    public int Steps { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _chain = WorkflowShapes.LinearChain(Steps);
        _edges = [.. _chain.Nodes.SelectMany(n => n.Inputs.Select(i => (i, n.Id)))];
    }

    [Benchmark]
    public WorkflowAnalysis Analyze() => WorkflowAnalyzer.Analyze(_chain);

    [Benchmark]
    public int FindCycles() => GraphCycles.Find(_chain.Nodes.Select(n => n.Id), _edges).Length;

    [Benchmark]
    public int RenderDot() => GraphRenderer.Render(_chain, GraphFormat.Dot).Length;
}
