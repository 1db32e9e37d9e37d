using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Cwf.Interpretation;
using Cwf.Tests.Generators;
using Cwf.Tests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Cwf.Tests.Equivalence;

/// <summary>
/// The property "the compiled SQL, run on an engine, writes the tables the reference interpreter
/// computes", checked in batches: many cases from a fixed seed are compiled, run together in one
/// database (each in its own schema) and compared output by output. When cases fail, the first is
/// shrunk — <see cref="Property.ShrinkAsync"/> searches smaller workflows that still fail, then input
/// rows are removed one by one while it still fails — and the test fails with the smallest case:
/// its IR, data, SQL and differences, and the seeds of every failing case.
/// </summary>
public sealed class EquivalenceCheck(Func<Task<IEquivalenceEngine>> createEngine, Gen<EquivalenceCase> gen, ITestOutputHelper? output)
{
    /// <summary>Cases per database (and per psql call).</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Candidates drawn searching for a smaller failing workflow (most are skipped as not smaller).</summary>
    public int ShrinkIterations { get; init; } = ShrinkIterationsSetting ?? 400;

    /// <summary>CWF_EQUIVALENCE_SHRINK: shrink iterations (0 reports the first failing case as generated).</summary>
    private static int? ShrinkIterationsSetting =>
        int.TryParse(Environment.GetEnvironmentVariable("CWF_EQUIVALENCE_SHRINK"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private int _schemas;

    public async Task RunAsync(int count, uint stream)
    {
        var clock = Stopwatch.StartNew();
        var cases = EquivalenceCases.Batch(gen, count, stream);
        var stats = new Statistics();
        var failures = new List<(PreparedCase Case, string Problem)>();
        foreach (var batch in cases.Chunk(BatchSize))
        {
            await using var engine = await createEngine();
            var prepared = batch.Select(c => PreparedCase.Create(c, NextSchema(), engine.Dialect)).ToList();
            var outcomes = await engine.RunAsync(prepared);
            for (int i = 0; i < prepared.Count; i++)
                if (Problem(prepared[i], outcomes[i], engine, stats) is { } problem)
                    failures.Add((prepared[i], problem));
        }
        output?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} cases, {stats.Compared} outputs compared ({stats.Approximate} with buffered values), {stats.Inconclusive} not compared (rows decided by a buffer), {stats.StoppedByCheck} stopped by a failing data check, {failures.Count} failed, {clock.Elapsed.TotalSeconds:F1} s"));
        if (failures.Count == 0) return;
        foreach (var (c, problem) in failures.Take(100))
            output?.WriteLine($"seed {c.Case.Seed}: {problem.Split('\n').FirstOrDefault(l => l.Length > 0 && !l.StartsWith("table ", StringComparison.Ordinal))}");

        var (first, firstProblem) = failures[0];
        var minimal = (ShrinkIterations > 0 ? await ShrinkAsync(first.Case, Signature(firstProblem)) : null) ?? Counterexample.Format(first, firstProblem);
        throw new XunitException(
            $"{failures.Count} of {count} cases differ between the reference interpreter and {first.Dialect}.\n" +
            $"Seeds of the failing cases ({Property.SeedVariable}=<seed> replays one as the first case): {string.Join(", ", failures.Select(f => f.Case.Case.Seed))}\n\n" +
            $"The smallest failing case found:\n{minimal}");
    }

    private string NextSchema() => string.Create(CultureInfo.InvariantCulture, $"c{++_schemas}");

    private sealed class Statistics
    {
        public int Compared;
        public int Approximate;
        public int Inconclusive;
        public int StoppedByCheck;
    }

    /// <summary>Why the engine's outcome differs from the interpreter's, or null when it agrees.</summary>
    private static string? Problem(PreparedCase c, EngineOutcome outcome, IEquivalenceEngine engine, Statistics? stats = null)
    {
        if (c.Problem is not null) return c.Problem;
        if (c.FailedChecks.Count > 0)
        {
            if (stats is not null) stats.StoppedByCheck++;
            // Each engine stops on the first check it runs that fails, with the message the interpreter gives.
            if (outcome.Error is { } error && c.FailedChecks.Any(check => error.Contains($"check {check} failed", StringComparison.Ordinal))) return null;
            var failing = string.Join(", ", c.FailedChecks);
            return outcome.Error is null
                ? $"the reference interpreter fails the data checks {failing}, but {engine.Dialect.DisplayName} passed them"
                : $"the reference interpreter fails the data checks {failing}, but {engine.Dialect.DisplayName} failed otherwise: {outcome.Error}";
        }
        if (outcome.Error is not null) return outcome.Error;
        var tolerance = DialectTolerances.For(engine.Dialect);
        var comparison = new OutputComparison(engine.Stores, tolerance);
        var report = new StringBuilder();
        foreach (var expected in c.Expected)
        {
            var approximation = Approximation.For(c.Isolated.Workflow, expected.Name, tolerance);
            if (approximation.Uncertain)
            {
                if (stats is not null) stats.Inconclusive++;
                continue;
            }
            if (stats is not null)
            {
                stats.Compared++;
                if (approximation.Approximate.Count > 0) stats.Approximate++;
            }
            if (!outcome.Tables.TryGetValue(expected.Name.ToString(), out var actual))
                report.Append($"table {expected.Name} was not read back\n");
            else if (comparison.Differences(expected, actual, approximation) is { } differences)
                report.Append($"table {expected.Name}{(expected.Order is null ? "" : " (sorted)")}:\n{differences}\n");
        }
        return report.Length == 0 ? null : report.ToString();
    }

    /// <summary>Runs one case alone; the problem (and the formatted counterexample), or null when the engine agrees with the interpreter.</summary>
    private async Task<(string Problem, string Report)?> CheckOneAsync(IEquivalenceEngine engine, EquivalenceCase c)
    {
        var prepared = PreparedCase.Create(c, NextSchema(), engine.Dialect);
        var outcome = (await engine.RunAsync([prepared]))[0];
        return Problem(prepared, outcome, engine) is { } problem ? (problem, Counterexample.Format(prepared, problem)) : null;
    }

    /// <summary>
    /// The kind of a failure, so that shrinking keeps to the same discrepancy instead of wandering
    /// to another one: its first line with numbers and generated names (c1, agg3, %2) left out.
    /// </summary>
    public static string Signature(string problem)
    {
        var line = problem.Split('\n').FirstOrDefault(l => l.Length > 0 && !l.StartsWith("table ", StringComparison.Ordinal)) ?? "";
        line = Regex.Replace(line, @"psql:<stdin>:\d+:", "");
        return Regex.Replace(line, @"\b[A-Za-z_]*\d+\b|'[^']*'|""[^""]*""", "#");
    }

    /// <summary>The smallest case found that fails like a failing one, formatted; null when the case no longer fails alone.</summary>
    private async Task<string?> ShrinkAsync(EquivalenceCase failing, string signature)
    {
        await using var engine = await createEngine();
        string? report = null;
        async Task<bool> FailsTheSameWay(EquivalenceCase c)
        {
            if (await CheckOneAsync(engine, c with { Seed = "" }) is not { } failure || Signature(failure.Problem) != signature) return false;
            report = failure.Report;
            return true;
        }
        // The failing case alone first: a case that passes alone depends on its batch, and is reported as it failed there.
        if (!await FailsTheSameWay(failing)) return null;

        // Shrink the workflow; then drop input rows one at a time while the case still fails.
        var shrunk = await Property.ShrinkAsync(gen, new Seeded<EquivalenceCase>(failing.Seed, failing), FailsTheSameWay, ShrinkIterations);
        var smallest = shrunk.Value with { Seed = "" };
        var inputs = smallest.Inputs;
        foreach (var (name, _) in inputs.Tables.ToList())
        {
            for (int row = inputs.Find(name)!.Count - 1; row >= 0; row--)
            {
                var table = inputs.Find(name)!;
                var fewer = inputs.With(name, new Table(table.Schema, table.Rows.Where((_, i) => i != row)));
                var candidate = smallest with { Generated = smallest.Generated with { Inputs = fewer } };
                if (await CheckOneAsync(engine, candidate) is { } failure && Signature(failure.Problem) == signature)
                    (inputs, smallest, report) = (fewer, candidate, failure.Report);
            }
        }
        return $"(shrunk from seed {failing.Seed} to seed {shrunk.Seed}, then input rows removed)\n{report}";
    }
}
