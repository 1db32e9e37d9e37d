using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Cwf.Benchmarks.SpatialSql;

/// <summary>
/// The speed of the generated SQL on PostGIS with real data: each workflow run (a) as one
/// temporary table per step, (b) as cwf's plain CTE plan without optimization, (c) optimized and
/// planned (spatial joins through subdivided, indexed polygons), (d) as written by hand for
/// PostGIS (SpatialSql/handtuned). The Ratio column is b/a, c/a and d/a.
/// One measured run is a whole script through psql, tens of seconds to minutes, so the job runs
/// each a few times (CWF_BENCH_ITERATIONS, default 2) in process: the work is PostgreSQL's.
/// The setup installs the data from npm and starts a throwaway cluster (benchmarks/README.md).
/// </summary>
[Config(typeof(Configuration))]
public class SpatialSqlBenchmarks
{
    private sealed class Configuration : ManualConfig
    {
        public Configuration()
        {
            int iterations = int.TryParse(Environment.GetEnvironmentVariable("CWF_BENCH_ITERATIONS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 2;
            AddJob(Job.Default
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(3), logOutput: true)) // the default in-process limit is 5 minutes per benchmark
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(0)
                .WithIterationCount(iterations)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithId("PostGIS"));
            WithOption(ConfigOptions.DisableLogFile, false);
        }
    }

    private CompiledWays _ways = null!;

    /// <summary>Every workflow, or those named in CWF_BENCH_WORKFLOWS (comma-separated, e.g. <c>W2</c>).</summary>
    public static IEnumerable<SpatialWorkflow> Workflows =>
        Environment.GetEnvironmentVariable("CWF_BENCH_WORKFLOWS") is { Length: > 0 } names
            ? SpatialWorkflows.All.Where(w => names.Split(',', StringSplitOptions.TrimEntries).Contains(w.Name))
            : SpatialWorkflows.All;

    [ParamsSource(nameof(Workflows))]
    public SpatialWorkflow Workflow { get; set; } = SpatialWorkflows.PointsInPolygons;

    [GlobalSetup]
    public void Setup() => _ways = BenchmarkEnvironment.Shared.Prepare(Workflow);

    [IterationSetup]
    public void Load() => Console.WriteLine($"// load average {BenchmarkEnvironment.LoadAverage()}");

    [Benchmark(Baseline = true, Description = "(a) one table per step")]
    public TimeSpan OneTablePerStep() => BenchmarkEnvironment.Shared.Run(_ways.OneTablePerStep);

    [Benchmark(Description = "(b) cwf --no-opt")]
    public TimeSpan NoOpt() => BenchmarkEnvironment.Shared.Run(_ways.NoOpt);

    [Benchmark(Description = "(c) cwf optimized")]
    public TimeSpan Optimized() => BenchmarkEnvironment.Shared.Run(_ways.Optimized);

    [Benchmark(Description = "(d) hand-tuned")]
    public TimeSpan HandTuned() => BenchmarkEnvironment.Shared.Run(_ways.HandTuned);
}
