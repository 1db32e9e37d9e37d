using System.Diagnostics;
using System.Globalization;
using Cwf.Benchmarks.SpatialSql;
using Cwf.Interpretation;
using Cwf.Interpretation.Data;
using Cwf.Interpretation.Evaluation;

namespace Cwf.Benchmarks.InProcess;

/// <summary>
/// The spatial benchmark's workflows run in process by the reference interpreter on the real data
/// (what <c>cwf run --data</c> does), and, with <c>--postgis</c>, the same workflows' optimized
/// SQL (way (c) of <see cref="SpatialSqlBenchmarks"/>) on a throwaway PostGIS cluster in the same
/// process, alternating, so both are measured under the same load. Each output is compared row by
/// row between the two before anything is timed. Wall-clock times, one line per run; see
/// benchmarks/README.md, "In-process runs at real size (issue 14)".
/// <c>--steps</c> prints each step's time; <c>--cores N</c> caps the interpreter's parallelism;
/// <c>--write-data DIR</c> only writes the input tables and the workflows' .cwf files to DIR, for
/// <c>cwf run W1.cwf --data DIR</c>.
/// <code>dotnet run -c Release --project benchmarks/Cwf.Benchmarks -- inprocess [--postgis] [--steps] [--cores N] [--iterations N] [--write-data DIR] [W1,W2,W3]</code>
/// </summary>
internal static class InProcessRuns
{
    private const string DatabaseName = "cwf_inprocess";

    public static void Main(string[] args)
    {
        bool postgis = args.Contains("--postgis");
        bool steps = args.Contains("--steps");
        int iterations = Number(args, "--iterations") ?? 3;
        var options = new InterpreterOptions { MaxDegreeOfParallelism = Number(args, "--cores") ?? Environment.ProcessorCount };
        var names = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] is not ("--iterations" or "--cores" or "--write-data")))
            .SelectMany(a => a.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        names.ExceptWith(args.Where((_, i) => i > 0 && args[i - 1] == "--write-data"));
        var workflows = SpatialWorkflows.All.Where(w => names.Count == 0 || names.Contains(w.Name)).ToList();

        var watch = Stopwatch.StartNew();
        var data = RealData.Load();
        Console.WriteLine($"// data read in {watch.Elapsed.TotalSeconds:0.00} s: {data["src.cities"].Count:N0} cities, {data["src.countries"].Count} countries; " +
                          $"{Environment.ProcessorCount} cores, load average {BenchmarkEnvironment.LoadAverage()}");

        if (Array.IndexOf(args, "--write-data") is >= 0 and var write && write + 1 < args.Length)
        {
            WriteData(args[write + 1], data, workflows);
            return;
        }

        PgCluster? cluster = null;
        if (postgis)
        {
            cluster = PgCluster.Start();
            BenchmarkData.Load(cluster, DatabaseName);
            Console.WriteLine("// " + BenchmarkData.Describe(cluster, DatabaseName));
        }

        foreach (var workflow in workflows)
        {
            var bound = workflow.Bind();
            var script = cluster is null ? null : CompiledWays.Compile(workflow).Optimized;
            for (int i = 0; i < iterations; i++)
            {
                watch.Restart();
                var stepTimes = new List<string>();
                var progress = steps ? new StepTimer((step, rows, elapsed, stepCpu) =>
                    stepTimes.Add($"{step.Description} {elapsed.TotalSeconds:0.000} s, CPU {stepCpu.TotalSeconds:0.000} s ({rows:N0} rows)")) : null;
                var cpu = Cpu();
                var run = Interpreter.Run(bound, data, options, progress);
                var interpreted = watch.Elapsed;
                cpu = Cpu() - cpu;
                if (!run.Succeeded)
                    throw new InvalidOperationException($"{workflow.Name} failed in process:\n{string.Join("\n", run.Diagnostics)}");
                var line = $"{workflow.Name} #{i + 1}: in process {interpreted.TotalSeconds:0.00} s (CPU {cpu.TotalSeconds:0.00} s)";
                if (cluster is not null)
                {
                    watch.Restart();
                    cluster.Psql(DatabaseName, script!);
                    var onPostgis = watch.Elapsed;
                    line += $", PostGIS (c) {onPostgis.TotalSeconds:0.00} s, ratio {interpreted / onPostgis:0.00}";
                    if (i == 0) line += ", " + Compare(workflow, run.Outputs, cluster);
                }
                Console.WriteLine(line + $" (load average {BenchmarkEnvironment.LoadAverage()})");
                foreach (var step in stepTimes) Console.WriteLine("    " + step);
            }
        }
    }

    /// <summary>The input tables as data files (CSV, geographies as WKT) and each workflow as a .cwf file.</summary>
    private static void WriteData(string directory, Database data, IEnumerable<SpatialWorkflow> workflows)
    {
        var problems = DataDirectory.Write(directory, data);
        if (problems.Length > 0) throw new InvalidOperationException(string.Join("\n", problems));
        foreach (var workflow in workflows) File.WriteAllText(Path.Combine(directory, workflow.Name + ".cwf"), workflow.Program);
        Console.WriteLine($"// written to {directory}: {string.Join(", ", Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal))}");
    }

    /// <summary>The CPU time of this process (every thread): on a shared machine, steadier than the wall clock.</summary>
    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private static int? Number(string[] args, string option) =>
        Array.IndexOf(args, option) is >= 0 and var at && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : null;

    /// <summary>Each step's wall-clock and CPU time, told by the interpreter on its own thread as the step ends.</summary>
    private sealed class StepTimer(Action<RunStep, long?, TimeSpan, TimeSpan> report) : IRunProgress
    {
        private TimeSpan _startCpu;

        public void StepStarted(RunStep step) => _startCpu = Cpu();

        public void StepFinished(RunStep step, long? rows, TimeSpan elapsed) => report(step, rows, elapsed, Cpu() - _startCpu);

        public void StepFailed(RunStep step, TimeSpan elapsed)
        {
        }
    }

    /// <summary>Whether the interpreter wrote the rows PostGIS wrote, every output table compared as sorted lines of text.</summary>
    private static string Compare(SpatialWorkflow workflow, Database outputs, PgCluster cluster)
    {
        var differences = new List<string>();
        int rows = 0;
        foreach (var name in workflow.Outputs)
        {
            var table = outputs[name];
            var mine = table.RowArrays.Select(r => string.Join("|", r.Select(v => v is null ? "NULL" : SqlValues.ToText(v)))).Order(StringComparer.Ordinal).ToList();
            var theirs = cluster.Psql(DatabaseName, $"""
                \pset tuples_only on
                \pset format unaligned
                \pset null NULL
                SELECT {string.Join(", ", table.Schema.Names)} FROM {name};
                """).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();
            rows += mine.Count;
            differences.AddRange(mine.Except(theirs).Select(l => $"{name} in process only: {l}"));
            differences.AddRange(theirs.Except(mine).Select(l => $"{name} on PostGIS only: {l}"));
        }
        if (differences.Count == 0) return $"same {rows} output rows";
        var report = Path.Combine(BenchmarkEnvironment.OutputDirectory, $"{workflow.Name}-inprocess-differences.txt");
        Directory.CreateDirectory(BenchmarkEnvironment.OutputDirectory);
        File.WriteAllLines(report, differences);
        return $"{differences.Count} differing lines of {rows} rows (see {report})";
    }
}
