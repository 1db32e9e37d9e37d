using BenchmarkDotNet.Attributes;
using Cwf.Benchmarks.Shapes;
using Cwf.Ir;
using Cwf.Optimization;
using Cwf.Planning;

namespace Cwf.Benchmarks.Optimization;

/// <summary>
/// The whole optimizer (every pass, to a fixed point) and the planner on linear chains of 10 to
/// 10,000 steps and on a wide DAG of 100 and 1,000 branches.
/// </summary>
[MemoryDiagnoser]
public class PassManagerBenchmarks
{
    private static readonly OptimizerTarget Target = new()
    {
        Name = "bigquery-like", HasNativeDWithin = true, PrefersDWithinOverBuffer = true, SupportsTempTables = true, SupportsViews = true,
    };

    private static readonly OptimizerOptions Options = new() { Target = Target };

    private Workflow _workflow = null!;

    [Params("chain-10", "chain-1000", "chain-10000", "wide-100", "wide-1000")]
    public string Shape { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var size = int.Parse(Shape[(Shape.IndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        _workflow = Shape.StartsWith("chain", StringComparison.Ordinal) ? WorkflowShapes.LinearChain(size) : WorkflowShapes.WideDag(size);
    }

    [Benchmark]
    public OptimizationResult Optimize() => PassManager.Optimize(_workflow, Options);

    [Benchmark]
    public MaterializationPlan Plan() => Planner.Plan(_workflow, Target);
}
