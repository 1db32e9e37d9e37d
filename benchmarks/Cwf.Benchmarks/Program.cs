using BenchmarkDotNet.Running;
using Cwf.Benchmarks.SpatialSql;

// `dotnet run -c Release --project benchmarks/Cwf.Benchmarks -- --filter '*PassManager*'`; see benchmarks/README.md.
// `... -- profile chain 10000 3` times each stage of one compile (Pipeline/StageProfile.cs).
// `... -- scripts` only writes the SQL the spatial benchmark compares to artifacts/bench.
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
if (args is ["profile", var shape, var steps, ..])
{
    Cwf.Benchmarks.Pipeline.StageProfile.Run(shape, int.Parse(steps, System.Globalization.CultureInfo.InvariantCulture),
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 1);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
