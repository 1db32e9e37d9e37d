using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Cwf.Benchmarks.SpatialSql;

/// <summary>
/// What every spatial SQL benchmark shares, set up once per process: the data installed, a
/// cluster of its own with the data loaded, and per workflow the scripts of the four ways, run
/// once each and checked to write identical tables before anything is measured. The checks and
/// the machine load go to artifacts/bench/spatial-sql-checks.md and to the console.
/// </summary>
internal sealed class BenchmarkEnvironment
{
    private const string Database = "cwf_bench";
    private static readonly Lazy<BenchmarkEnvironment> Instance = new(() => new BenchmarkEnvironment());
    private readonly Dictionary<string, CompiledWays> _prepared = [];
    private readonly StringBuilder _report = new();
    private readonly PgCluster _cluster;

    public static BenchmarkEnvironment Shared => Instance.Value;

    public static string OutputDirectory { get; } = Path.Combine(Shell.RepoRoot, "artifacts", "bench");

    private BenchmarkEnvironment()
    {
        Directory.CreateDirectory(OutputDirectory);
        BenchmarkData.Install();
        _cluster = PgCluster.Start();
        BenchmarkData.Load(_cluster, Database);
        Log($"# Spatial SQL benchmark checks\n\n{BenchmarkData.Describe(_cluster, Database)}; PostgreSQL in {_cluster.Directory}.\n" +
            $"{Environment.ProcessorCount} cores; load average at start: {LoadAverage()}.\n");
    }

    /// <summary>The machine's 1, 5 and 15 minute load averages.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>The workflow's scripts, checked: each way runs once and all write the same rows.</summary>
    public CompiledWays Prepare(SpatialWorkflow workflow)
    {
        if (_prepared.TryGetValue(workflow.Name, out var ready)) return ready;
        var ways = CompiledWays.Compile(workflow);
        foreach (var (_, suffix, sql) in ways.All)
            File.WriteAllText(Path.Combine(OutputDirectory, $"{workflow.Name}-{suffix}.sql"), sql);
        File.WriteAllText(Path.Combine(OutputDirectory, $"{workflow.Name}-explain.txt"), ways.Explain);

        var results = new List<(string Way, TimeSpan Time, string Rows)>();
        foreach (var (way, _, sql) in ways.All.Where(w => Checked(w.Way)))
        {
            var time = Run(sql);
            results.Add((way, time, Outputs(workflow)));
        }
        var line = new StringBuilder($"\n## {workflow.Name}: {workflow.Title}\n\nChecking run (load average {LoadAverage()}):\n\n");
        foreach (var (way, time, rows) in results)
            line.Append(CultureInfo.InvariantCulture, $"- {way}: {time.TotalSeconds:0.0} s, {rows.Split('\n').Length} output rows in all\n");
        bool identical = results.All(r => r.Rows == results[0].Rows);
        line.Append(identical ? $"- identical output tables (every row and value) in the {results.Count} ways run\n" : "- **the outputs DIFFER**\n");
        Log(line.ToString());
        if (!identical)
        {
            for (int i = 0; i < results.Count; i++)
                File.WriteAllText(Path.Combine(OutputDirectory, $"{workflow.Name}-output-{i}.txt"), results[i].Rows);
            throw new InvalidOperationException($"{workflow.Name}: the ways write different tables (see {OutputDirectory}).");
        }
        _prepared[workflow.Name] = ways;
        return ways;
    }

    /// <summary>
    /// Whether the checking run runs the way: every way, or those whose letters CWF_BENCH_WAYS
    /// names (e.g. <c>c,d</c>, when only those are measured: (a) and (b) take minutes).
    /// </summary>
    private static bool Checked(string way) =>
        Environment.GetEnvironmentVariable("CWF_BENCH_WAYS") is not { Length: > 0 } letters ||
        letters.Split(',', StringSplitOptions.TrimEntries).Contains(way.Substring(1, 1));

    /// <summary>Runs a script to its end with psql; the time it took.</summary>
    public TimeSpan Run(string script)
    {
        var watch = Stopwatch.StartNew();
        _cluster.Psql(Database, script);
        return watch.Elapsed;
    }

    /// <summary>Every row of the workflow's output tables as text, sorted: equal text means equal tables.</summary>
    private string Outputs(SpatialWorkflow workflow)
    {
        var sb = new StringBuilder();
        foreach (var table in workflow.Outputs)
        {
            var rows = _cluster.Psql(Database, $"""
                \pset tuples_only on
                \pset format unaligned
                SELECT t::text FROM {table} AS t ORDER BY 1;
                """).Output.TrimEnd('\n');
            sb.Append("-- ").Append(table).Append('\n').Append(rows).Append('\n');
        }
        return sb.ToString().TrimEnd('\n');
    }

    private void Log(string text)
    {
        Console.WriteLine(text);
        _report.Append(text);
        File.WriteAllText(Path.Combine(OutputDirectory, "spatial-sql-checks.md"), _report.ToString());
    }
}
