using BenchmarkDotNet.Attributes;
using Cwf.Catalog;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Text;

namespace Cwf.Benchmarks.Pipeline;

/// <summary>
/// The whole compiler, .cwf text to PostgreSQL SQL with every pass on, on every generated shape
/// (<see cref="CwfPrograms.ByName"/>) at 10,000 steps: the per-step speed of issue 14, the median of nine
/// compiles after three of warm-up (<see cref="ShapeJobs"/>). <see cref="ShapeBenchmarks100k"/> runs the same at
/// 100,000 steps. Both run in this process, so with its collector settings: the command line's (Collector.props).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShapeJobs.TenThousand))]
public class ShapeBenchmarks
{
    private static readonly Dialect Postgres = Dialects.Find("postgres")!;

    private SourceText _text = null!;

    [Params("chain", "redefined", "wide", "fanout", "joins", "filters")]
    public string Shape { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _text = SourceText.From(CwfPrograms.ByName(Shape, 10_000), "bench.cwf");

    [Benchmark]
    public string EndToEnd() => Compile(_text);

    internal static string Compile(SourceText text) =>
        Compiler.Compile(Load(text), new CompileOptions(Postgres)).Sql ?? throw new InvalidOperationException("no SQL");

    // In its own frame, as the command line's WorkflowLoader: the front end's result (the syntax tree, the scopes) is
    // not held while the workflow compiles, even by unoptimized code, which keeps every local alive to the method's end.
    private static Workflow Load(SourceText text)
    {
        var front = FrontEnd.Load(text, SchemaCatalog.Empty, keepSyntax: false);
        return front.Workflow ?? throw new InvalidOperationException(string.Join("\n", front.Diagnostics));
    }
}

/// <summary>Every shape at 100,000 steps: the median of three compiles after one of warm-up (<see cref="ShapeJobs"/>).</summary>
[MemoryDiagnoser]
[Config(typeof(ShapeJobs.HundredThousand))]
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
