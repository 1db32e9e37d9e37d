using BenchmarkDotNet.Attributes;
using Cwf.Binding;
using Cwf.Catalog;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Syntax;
using Cwf.Text;

namespace Cwf.Benchmarks.Pipeline;

/// <summary>
/// The whole compiler on .cwf text, stage by stage (parse, bind, analyses + optimizer + planner +
/// PostgreSQL backend) and end to end, on chains of 10 to 10,000 steps and a wide DAG.
/// </summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private static readonly Dialect Postgres = Dialects.Find("postgres")!;

    private SourceText _text = null!;
    private ProgramSyntax _syntax = null!;
    private Workflow _workflow = null!;

    [Params("chain-10", "chain-1000", "chain-10000", "wide-100", "wide-1000")]
    public string Shape { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        int size = int.Parse(Shape[(Shape.IndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        _text = SourceText.From(Shape.StartsWith("chain", StringComparison.Ordinal) ? CwfPrograms.Chain(size) : CwfPrograms.Wide(size), "bench.cwf");
        _syntax = CwfParser.ParseProgram(_text).Syntax!;
        var bound = Binder.Bind(_syntax, SchemaCatalog.Empty);
        _workflow = bound.Workflow ?? throw new InvalidOperationException(string.Join("\n", bound.Diagnostics));
    }

    [Benchmark]
    public ProgramSyntax? Parse() => CwfParser.ParseProgram(_text).Syntax;

    [Benchmark]
    public Workflow? Bind() => Binder.Bind(_syntax, SchemaCatalog.Empty).Workflow;

    [Benchmark]
    public string? OptimizePlanEmit() => Compiler.Compile(_workflow, new CompileOptions(Postgres)).Sql;

    [Benchmark]
    public string? EndToEnd()
    {
        var front = FrontEnd.Load(_text, SchemaCatalog.Empty);
        return Compiler.Compile(front.Workflow!, new CompileOptions(Postgres)).Sql;
    }
}
