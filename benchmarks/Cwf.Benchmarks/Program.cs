using BenchmarkDotNet.Running;
using Cwf.Benchmarks.InProcess;
using Cwf.Benchmarks.SpatialSql;

// `dotnet run -c Release --project benchmarks/Cwf.Benchmarks -- --filter '*PassManager*'`; see benchmarks/README.md.
// `... -- scripts` only writes the SQL the spatial benchmark compares to artifacts/bench.
// `... -- inprocess [--postgis] [W1,W2]` runs the spatial workflows in the interpreter (InProcess/InProcessRuns.cs).
if (args is ["inprocess", .. var options])
{
    InProcessRuns.Main(options);
    return;
}
if (args is ["scripts"])
{
    Directory.CreateDirectory(BenchmarkEnvironment.OutputDirectory);
    foreach (var workflow in SpatialWorkflows.All)
    {
        var ways = CompiledWays.Compile(workflow.Bind());
        foreach (var (suffix, text) in new[] { ("a-one-table-per-step.sql", ways.OneTablePerStep), ("b-no-opt.sql", ways.NoOpt), ("c-optimized.sql", ways.Optimized), ("explain.txt", ways.Explain) })
            File.WriteAllText(Path.Combine(BenchmarkEnvironment.OutputDirectory, $"{workflow.Name}-{suffix}"), text);
    }
    Console.WriteLine($"written to {BenchmarkEnvironment.OutputDirectory}");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
