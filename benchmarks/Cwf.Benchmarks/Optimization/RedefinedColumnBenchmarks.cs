using BenchmarkDotNet.Attributes;
using Cwf.Benchmarks.Shapes;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Optimization;

namespace Cwf.Benchmarks.Optimization;

/// <summary>
/// The chain that redefines a column along its length (<see cref="WorkflowShapes.RedefinedColumnChain"/>),
/// where unbounded substitution made the optimizer quadratic: the optimizer alone, and the whole
/// back end to PostgreSQL SQL, at 1,000 and 10,000 steps, optimized and not.
/// </summary>
[MemoryDiagnoser]
public class RedefinedColumnBenchmarks
{
    private static readonly Dialect Postgres = Dialects.Find("postgres")!;

    private Workflow _workflow = null!;

    [Params(1_000, 10_000)]
    public int Steps { get; set; }

    [GlobalSetup]
    public void Setup() => _workflow = WorkflowShapes.RedefinedColumnChain(Steps);

    [Benchmark]
    public OptimizationResult Optimize() => PassManager.Optimize(_workflow, new OptimizerOptions { Target = Postgres.OptimizerTarget });

    [Benchmark]
    public string? CompileOptimized() => Compiler.Compile(_workflow, new CompileOptions(Postgres)).Sql;

    [Benchmark(Baseline = true)]
    public string? CompileWithoutOptimizer() => Compiler.Compile(_workflow, new CompileOptions(Postgres) { Optimize = false }).Sql;
}
