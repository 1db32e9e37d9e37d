using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Cwf.Catalog;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Text;

namespace Cwf.Benchmarks.Pipeline;

/// <summary>
/// The whole compiler, .cwf text to PostgreSQL SQL with every pass on, on every generated shape
/// (<see cref="CwfPrograms.ByName"/>) at 1,000 and 10,000 steps: the per-step speed of issue 14.
/// <see cref="ShapeBenchmarks100k"/> runs the same at 100,000 steps, one iteration each.
/// </summary>
[MemoryDiagnoser]
public class ShapeBenchmarks
{
    private static readonly Dialect Postgres = Dialects.Find("postgres")!;

    private SourceText _text = null!;

    [Params("chain", "redefined", "wide", "fanout", "joins", "filters")]
    public string Shape { get; set; } = "";

    [Params(1_000, 10_000)]
    public int Steps { get; set; }

    [GlobalSetup]
    public void Setup() => _text = SourceText.From(CwfPrograms.ByName(Shape, Steps), "bench.cwf");

    [Benchmark]
    public string EndToEnd() => Compile(_text);

    internal static string Compile(SourceText text)
    {
        var front = FrontEnd.Load(text, SchemaCatalog.Empty);
        var workflow = front.Workflow ?? throw new InvalidOperationException(string.Join("\n", front.Diagnostics));
        return Compiler.Compile(workflow, new CompileOptions(Postgres)).Sql ?? throw new InvalidOperationException("no SQL");
    }
}

/// <summary>
/// Every shape at 100,000 steps: one warm-up and one measured iteration each, in process with a
/// long timeout (a run takes seconds; the in-process toolchain's default gives up on it, and the
/// out-of-process one cannot build src/Cwf). Run it without <c>--inProcess</c>, which would replace this job.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(OneIteration))]
public class ShapeBenchmarks100k
{
    private sealed class OneIteration : ManualConfig
    {
        public OneIteration() => AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(1)
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true)));
    }

    private SourceText _text = null!;

    [Params("chain", "redefined", "wide", "fanout", "joins", "filters")]
    public string Shape { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _text = SourceText.From(CwfPrograms.ByName(Shape, 100_000), "bench.cwf");

    [Benchmark]
    public string EndToEnd() => ShapeBenchmarks.Compile(_text);
}
