using BenchmarkDotNet.Running;
using Cwf.Benchmarks.SpatialSql;

// `dotnet run -c Release --project benchmarks/Cwf.Benchmarks -- --filter '*PassManager*'`; see benchmarks/README.md.
// `... -- scripts` only writes the SQL the spatial benchmark compares to artifacts/bench.
if (args is ["scripts"])
{
    Directory.CreateDirectory(BenchmarkEnvironment.OutputDirectory);
    foreach (var workflow in SpatialWorkflows.All)
    {
        var ways = CompiledWays.Compile(workflow);
        foreach (var (_, suffix, sql) in ways.All)
            File.WriteAllText(Path.Combine(BenchmarkEnvironment.OutputDirectory, $"{workflow.Name}-{suffix}.sql"), sql);
        File.WriteAllText(Path.Combine(BenchmarkEnvironment.OutputDirectory, $"{workflow.Name}-explain.txt"), ways.Explain);
    }
    Console.WriteLine($"written to {BenchmarkEnvironment.OutputDirectory}");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
