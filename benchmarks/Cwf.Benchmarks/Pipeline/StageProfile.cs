using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using Cwf.Analysis;
using Cwf.Binding;
using Cwf.Catalog;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Optimization;
using Cwf.Planning;
using Cwf.Text;

namespace Cwf.Benchmarks.Pipeline;

/// <summary>
/// `-- profile SHAPE STEPS [REPEATS]`: compiles one generated .cwf program end to end in this
/// process, stage by stage, and prints each stage's time and allocation, the SQL bytes per step
/// and the process's peak working set. A quick look where BenchmarkDotNet would take minutes; the
/// peak working set of a fresh process compiling 100,000 steps is the figure benchmarks/README.md gives.
/// </summary>
public static class StageProfile
{
    private static readonly Dialect Postgres = Dialects.Find("postgres")!;

    public static void Run(string shape, int steps, int repeats)
    {
        var program = CwfPrograms.ByName(shape, steps);
        var text = SourceText.From(program, "bench.cwf");
        // The program's own size: SQL bytes per input byte is the output's growth that the program's growth does not explain.
        int inputBytes = Encoding.UTF8.GetByteCount(program);
        // CWF_PROFILE_TYPES=1: the types the optimizer and the emitter (or CWF_PROFILE_TYPE_STAGES) allocate most (sampled by the runtime).
        using var sampler = Environment.GetEnvironmentVariable("CWF_PROFILE_TYPES") is "1" ? new AllocationSampler() : null;
        // CWF_PROFILE_LARGE=1: each stage's collections with their reasons, and the large objects it allocated.
        using var large = Environment.GetEnvironmentVariable("CWF_PROFILE_LARGE") is "1" ? new LargeObjectLog() : null;
        // Each compile in its own frame: what one compile held is unreachable when the next starts, even where the
        // JIT keeps a local alive to the end of its method (unoptimized and on-stack-replaced code do).
        for (int r = 0; r < repeats; r++) CompileOnce(shape, steps, text, inputBytes, sampler, large);
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        // The collector this process ran with (Collector.props, or DOTNET_gcServer and the like when set), so a comparison says what it compared.
        var gc = GC.GetConfigurationVariables();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set {self.PeakWorkingSet64 / (1024.0 * 1024):F0} MB; collector: " +
            $"{(GCSettings.IsServerGC ? "server" : "workstation")}, {gc.GetValueOrDefault("HeapCount")} heaps, {(gc.GetValueOrDefault("ConcurrentGC") is true ? "concurrent" : "non-concurrent")}"));
    }

    // CWF_PROFILE_TYPE_STAGES=parse,bind: the stages CWF_PROFILE_TYPES samples (the optimizer and the emitter unless set).
    private static readonly HashSet<string> SampledStages =
        [.. (Environment.GetEnvironmentVariable("CWF_PROFILE_TYPE_STAGES") ?? "optimize,emit").Split(',', StringSplitOptions.TrimEntries)];

    // In its own frame, as the command line's WorkflowLoader: nothing of the front end's result but the workflow outlives it.
    private static Workflow? Front(SourceText text) => Environment.GetEnvironmentVariable("CWF_PROFILE_FRONT") is "whole"
        ? CwfFrontEnd.Compile(text, SchemaCatalog.Empty).Workflow
        : CwfFrontEnd.CompileStatementByStatement(text, SchemaCatalog.Empty).Workflow;

    private static void CompileOnce(string shape, int steps, SourceText text, int inputBytes, AllocationSampler? sampler, LargeObjectLog? large)
    {
        // CWF_PROFILE_LIVE=1: the live set between stages, each measured by a full collection (which changes the
        // collections and pauses of that compile: a diagnosis, not a timing).
        var live = Environment.GetEnvironmentVariable("CWF_PROFILE_LIVE") is "1" ? new LiveSet() : null;
        // CWF_PROFILE_LATENCY=LowLatency (a GCLatencyMode): the collector's latency mode during each compile, to compare it.
        var latency = GCSettings.LatencyMode;
        if (Environment.GetEnvironmentVariable("CWF_PROFILE_LATENCY") is { } mode) GCSettings.LatencyMode = Enum.Parse<GCLatencyMode>(mode);
        var stages = new List<(string Stage, double Ms, long Bytes, double? ThreadMs)>();
        // Processor time of the whole process (the compiler's thread and the GC's): on a machine
        // shared by other work it moves far less than the wall clock.
        var cpu = ProcessorTime();
        // Collections and the collector's pauses during this compile: how much of the time is the
        // collector's, counted without depending on the load (the pause time does depend on it).
        var collections = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
        var paused = GC.GetTotalPauseDuration();
        var log = new CollectionLog();
        T Measure<T>(string stage, Func<T> run)
        {
            bool sampled = sampler is not null && SampledStages.Contains(stage);
            if (sampled) sampler!.Start();
            long before = GC.GetAllocatedBytesForCurrentThread();
            var thread = ThreadClock.Milliseconds();
            var watch = Stopwatch.StartNew();
            var result = run();
            stages.Add((stage, watch.Elapsed.TotalMilliseconds, GC.GetAllocatedBytesForCurrentThread() - before, ThreadClock.Milliseconds() - thread));
            log.After(stage);
            if (large is not null) Console.WriteLine($"  {stage}: {large.Take()}");
            if (sampled)
            {
                sampler!.Stop();
                Console.WriteLine($"  {stage}, sampled bytes by type: " + string.Join(", ", sampler.ByType.Take(14).Select(p =>
                    string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value / (double)steps / 1024:F2} KB/step"))));
                sampler.Clear();
            }
            return result;
        }
        live?.Measure("before the parse");
        // As the command line: each statement parsed, bound and let go. CWF_PROFILE_FRONT=whole: the whole syntax tree
        // first, then the bind (CwfFrontEnd.Compile, the editors' path). One stage, "front", either way (it was "parse"
        // and "bind" before the front end read statement by statement).
        var workflow = Measure("front", () => Front(text) ?? throw new InvalidOperationException("the program does not bind"));
        live?.Measure("after the front end: the bound workflow");
        Measure("checks", () => WorkflowChecks.Check(workflow, text.Path));
        live?.Measure("after the checks: the bound workflow");
        // What Compiler.Compile asks of the analyses: their diagnostics.
        Measure("analyze", () => WorkflowAnalyzer.Diagnose(workflow));
        var optimization = Measure("optimize", () => PassManager.Optimize(workflow, new OptimizerOptions { Target = Postgres.OptimizerTarget }));
        var optimized = optimization.Optimized;
        // The compiler keeps no reference to the bound workflow after the optimizer, so the runner lets it go too,
        // unless CWF_PROFILE_PASSES runs each pass on it again below.
        int boundNodes = NodeCount(workflow);
        var profiledPasses = Environment.GetEnvironmentVariable("CWF_PROFILE_PASSES") is "1" ? workflow : null;
        workflow = null!;
        live?.Measure("after the optimizer: the optimized workflow");
        var plan = Measure("plan", () => Planner.Plan(optimized, Postgres.OptimizerTarget));
        var sql = Measure("emit", () => SqlEmitter.Emit(optimized, Postgres, new EmitOptions { Plan = plan }).Sql!);
        live?.Measure("after the emitter: the optimized workflow, the plan and the SQL");
        GCSettings.LatencyMode = latency;
        double cpuMs = (ProcessorTime() - cpu).TotalMilliseconds;
        var gcCounts = Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collections[g]).ToArray();
        double pausedMs = (GC.GetTotalPauseDuration() - paused).TotalMilliseconds;
        var line = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{shape}-{steps} ({boundNodes} nodes, {optimized.Nodes.Length} optimized, {Encoding.UTF8.GetByteCount(sql) / (double)steps:F1} SQL bytes/step, {inputBytes / (double)steps:F1} input bytes/step):");
        foreach (var (stage, ms, bytes, threadMs) in stages)
            line.Append(CultureInfo.InvariantCulture, $" {stage} {ms:F1} ms {bytes / (double)steps / 1024:F1} KB/step{(threadMs is { } t ? $" thread {t:F1} ms" : "")};");
        double total = stages.Sum(s => s.Ms);
        line.Append(CultureInfo.InvariantCulture, $" total {total:F1} ms = {total / steps:F4} ms/step, cpu {cpuMs:F1} ms = {cpuMs / steps:F4} ms/step, {stages.Sum(s => s.Bytes) / (double)steps / 1024:F1} KB/step; collections gen0/1/2 {gcCounts[0]}/{gcCounts[1]}/{gcCounts[2]}, paused {pausedMs:F1} ms");
        // A digest of the SQL, so that two builds can be shown to write the same bytes.
        line.Append(CultureInfo.InvariantCulture, $"; SQL sha256 {Sha256(sql)[..16]}");
        Console.WriteLine(line);
        Console.WriteLine("  collections by stage: " + log.Report());
        if (profiledPasses is not null)
        {
            // Each pass once over the bound workflow (the first round, which does the most work), by allocation.
            Console.WriteLine("  allocated by one application to the bound workflow: " + string.Join(", ", PassManager.Default.Passes.Select(pass =>
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                pass.Run(profiledPasses, Postgres.OptimizerTarget);
                return string.Create(CultureInfo.InvariantCulture, $"{pass.Name} {(GC.GetAllocatedBytesForCurrentThread() - before) / (double)steps / 1024:F2} KB/step");
            })));
            Console.WriteLine("  allocated over every round, as the pass manager runs them: " + string.Join(", ", AllocationPerPass(profiledPasses).Select(pass =>
                string.Create(CultureInfo.InvariantCulture, $"{pass.Key} {pass.Value / (double)steps / 1024:F2} KB/step"))));
            Console.WriteLine($"  {optimization.Iterations} rounds: " + string.Join(", ", optimization.Runs.GroupBy(run => run.Pass)
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Sum(run => run.Elapsed.TotalMilliseconds):F0} ms ({g.Count(run => run.Changed)} changed)"))));
        }
        if (live is not null)
        {
            Console.WriteLine("  live heap after a full collection, MB: " + live.Report());
        }
    }

    // The digest of the text's UTF-8 bytes, encoded a chunk at a time: the whole encoding at once was a large object (8 MB
    // at 100,000 wide steps) that CWF_PROFILE_LARGE counted against the next compile's front end.
    private static string Sha256(string text)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var encoder = Encoding.UTF8.GetEncoder();
        const int Chunk = 4096;
        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(Chunk)];
        for (int at = 0; at < text.Length; at += Chunk)
        {
            var chars = text.AsSpan(at, Math.Min(Chunk, text.Length - at));
            hash.AppendData(bytes, 0, encoder.GetBytes(chars, bytes, flush: at + chars.Length == text.Length));
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    // The default passes in rounds until one changes nothing (PassManager.Run's loop), each pass's allocation summed over the rounds.
    private static Dictionary<string, long> AllocationPerPass(Workflow workflow)
    {
        var bytes = PassManager.Default.Passes.ToDictionary(pass => pass.Name, _ => 0L);
        var current = workflow;
        for (int round = 0, limit = new OptimizerOptions().MaxIterations; round < limit; round++)
        {
            bool changed = false;
            foreach (var pass in PassManager.Default.Passes)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                var next = pass.Run(current, Postgres.OptimizerTarget);
                bytes[pass.Name] += GC.GetAllocatedBytesForCurrentThread() - before;
                changed |= !ReferenceEquals(next, current);
                current = next;
            }
            if (!changed) break;
        }
        return bytes;
    }

    // Out of line: read in CompileOnce, `Nodes` left a hidden stack temporary that kept the bound workflow's
    // node array alive to the end of the compile (3 MB at 10,000 joins steps), which no real compile holds.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static int NodeCount(Workflow workflow) => workflow.Nodes.Length;

    private static TimeSpan ProcessorTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
