using BenchmarkDotNet.Running;

// `dotnet run -c Release --project benchmarks/Cwf.Benchmarks -- --filter '*PassManager*'`; see benchmarks/README.md.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
