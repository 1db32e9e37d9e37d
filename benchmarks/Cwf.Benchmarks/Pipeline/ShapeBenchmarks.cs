using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
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

/// <summary>Every shape at 100,000 steps: one warm-up and one measured iteration each (a run takes seconds).</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 1)]
public class ShapeBenchmarks100k
{
    private SourceText _text = null!;

    [Params("chain", "redefined", "wide", "fanout", "joins", "filters")]
    public string Shape { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _text = SourceText.From(CwfPrograms.ByName(Shape, 100_000), "bench.cwf");

    [Benchmark]
    public string EndToEnd() => ShapeBenchmarks.Compile(_text);
}
