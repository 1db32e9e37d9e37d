using BenchmarkDotNet.Attributes;
using Cwf.Binding;
using Cwf.Catalog;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Syntax;
using Cwf.Text;

namespace Cwf.Benchmarks.Pipeline;

/// <summary>The middle and back end for every dialect on the 10,000-step chain: each must stay well under a second.</summary>
[MemoryDiagnoser]
public class EmitBenchmarks
{
    private Workflow _workflow = null!;

    [Params("bigquery", "snowflake", "redshift", "databricks", "postgres", "duckdb")]
    public string Dialect { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var syntax = CwfParser.ParseProgram(SourceText.From(CwfPrograms.Chain(10_000), "bench.cwf")).Syntax!;
        _workflow = Binder.Bind(syntax, SchemaCatalog.Empty).Workflow!;
    }

    [Benchmark]
    public string? Compile() => Compiler.Compile(_workflow, new CompileOptions(Dialects.Find(Dialect)!)).Sql;
}
