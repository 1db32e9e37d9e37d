using BenchmarkDotNet.Attributes;
using Cwf.Canvas;
using Cwf.Text;

namespace Cwf.Benchmarks.Canvas;

/// <summary>
/// Importing a canvas export (issue 14): read the JSON, check the graph, lower to IR, at 1,000 and 10,000
/// nodes, for a long chain and a wide fan-out (<see cref="CanvasShapes"/>); reading alone beside it. Time
/// and allocation per node must stay flat as the canvas grows. (100,000 nodes take BenchmarkDotNet's
/// in-process runner past its time limit: benchmarks/README.md gives single runs.)
/// </summary>
[MemoryDiagnoser]
public class CanvasImportBenchmarks
{
    private SourceText _canvas = null!;

    [Params("chain", "wide")]
    public string Shape { get; set; } = "chain";

    [Params(1_000, 10_000)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _canvas = SourceText.From(Shape == "chain" ? CanvasShapes.Chain(Nodes) : CanvasShapes.Wide(Nodes), $"{Shape}.json");
        var result = CanvasImporter.Import(_canvas);
        if (result.HasErrors || result.Workflow is null)
            throw new InvalidOperationException($"the {Shape} canvas of {Nodes} nodes does not import: {result.Diagnostics.First(d => d.IsError)}");
    }

    [Benchmark]
    public CanvasReadResult Read() => CanvasReader.Read(_canvas);

    [Benchmark]
    public CanvasImportResult Import() => CanvasImporter.Import(_canvas);
}
