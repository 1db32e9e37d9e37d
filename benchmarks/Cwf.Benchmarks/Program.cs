using BenchmarkDotNet.Running;
using Cwf.Benchmarks.InProcess;
using Cwf.Benchmarks.SpatialSql;

// `dotnet run -c Release --project benchmarks/Cwf.Benchmarks -- --filter '*PassManager*'`; see benchmarks/README.md.
// `... -- profile chain 10000 3` times each stage of one compile (Pipeline/StageProfile.cs).
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
        var ways = CompiledWays.Compile(workflow);
        foreach (var (_, suffix, sql) in ways.All)
            File.WriteAllText(Path.Combine(BenchmarkEnvironment.OutputDirectory, $"{workflow.Name}-{suffix}.sql"), sql);
        File.WriteAllText(Path.Combine(BenchmarkEnvironment.OutputDirectory, $"{workflow.Name}-explain.txt"), ways.Explain);
    }
    Console.WriteLine($"written to {BenchmarkEnvironment.OutputDirectory}");
    return;
}
if (args is ["profile", var shape, var steps, ..])
{
    Cwf.Benchmarks.Pipeline.StageProfile.Run(shape, int.Parse(steps, System.Globalization.CultureInfo.InvariantCulture),
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 1);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
