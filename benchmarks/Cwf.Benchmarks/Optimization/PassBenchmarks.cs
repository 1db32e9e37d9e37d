using BenchmarkDotNet.Attributes;
using Cwf.Benchmarks.Shapes;
using Cwf.Ir;
using Cwf.Optimization;

namespace Cwf.Benchmarks.Optimization;

/// <summary>
/// Each optimizer pass on its own, once, over the bound (unoptimized) 10,000-step chain: the cost
/// of one pass in the first round, which is the round that does the most work. A 1,000-step
/// chain gives the growth ratio.
/// </summary>
[MemoryDiagnoser]
public class PassBenchmarks
{
    private static readonly OptimizerTarget Target = new()
    {
        Name = "postgres-like", HasNativeDWithin = true, SupportsTempTables = true, SupportsViews = true, MaterializesSharedCtes = true,
    };

    private Workflow _workflow = null!;
    private OptimizerPass _pass = null!;

    public static IEnumerable<string> PassNames => PassManager.PassNames;

    [ParamsSource(nameof(PassNames))]
    public string Pass { get; set; } = "";

    [Params(1_000, 10_000)]
    public int Steps { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _workflow = WorkflowShapes.LinearChain(Steps);
        _pass = PassManager.Default.Passes.Single(p => p.Name == Pass);
    }

    [Benchmark]
    public Workflow Run() => _pass.Run(_workflow, Target);
}
