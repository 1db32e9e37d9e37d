using System.Diagnostics;
using System.Text;

namespace Cwf.Tests.Fuzz;

/// <summary>A failure the run found: an exception, a CWF9001, or an input that missed its deadline.</summary>
internal sealed record FuzzFinding(long Index, string Kind, string Detail, FuzzInput Input);

/// <summary>The figures of a run.</summary>
internal sealed record FuzzReport(FuzzSettings Settings, long Inputs, TimeSpan Elapsed, long Compiled, long Compilations, long Diagnostics,
    IReadOnlyList<FuzzFinding> Findings, IReadOnlyList<long> SlowOnlyUnderLoad, string Directory)
{
    public string Summary =>
        $"fuzz seed {Settings.Seed}, inputs {Settings.Start}..{Settings.Start + Inputs - 1}: {Inputs} inputs in {Elapsed.TotalSeconds:F0} s " +
        $"({Inputs / Math.Max(Elapsed.TotalSeconds, 0.001):F1}/s), {Compiled} reached the compiler ({Compilations} compilations), " +
        $"{Diagnostics} diagnostics; {Findings.Count(f => f.Kind != "timeout")} internal errors, {Findings.Count(f => f.Kind == "timeout")} timeouts" +
        (SlowOnlyUnderLoad.Count == 0 ? "" : $"; missed the deadline once but not when run again: {string.Join(", ", SlowOnlyUnderLoad)}") +
        (Findings.Count == 0 ? "" : $"; written to {Directory}");
}

/// <summary>
/// Runs inputs one after another on a <see cref="DeadlineWorker"/>, records every finding in the
/// output directory (<c>seed-N/index.ext</c> with the input, <c>index.txt</c> with what happened and
/// how the input was made) and keeps <c>progress.log</c> and <c>summary.txt</c> there for long runs.
/// The input being run is also kept as <c>current.*</c>, so that one that kills the process is not lost.
/// An input that misses its deadline is run once more after the others, with the same deadline: only a
/// second miss is a finding, because on a loaded machine a one-second input can wait far past 30 s
/// for a core (spec/fuzzing.md).
/// </summary>
internal static class FuzzRunner
{
    public static FuzzReport Run(FuzzSettings settings) => Run(settings, (_, input) => FuzzTarget.Run(input));

    /// <summary>Runs each input, with its index, through <paramref name="target"/> (the real one, or a test's stand-in).</summary>
    public static FuzzReport Run(FuzzSettings settings, Func<long, FuzzInput, FuzzTarget.Outcome> target)
    {
        var directory = Path.Combine(settings.OutputDirectory, $"seed-{settings.Seed}");
        Directory.CreateDirectory(directory);
        var progress = Path.Combine(directory, "progress.log");
        var worker = new DeadlineWorker();
        var findings = new List<FuzzFinding>();
        var watch = Stopwatch.StartNew();
        var missed = new List<(long Index, FuzzInput Input)>();
        long compiled = 0, compilations = 0, diagnostics = 0, done = 0;

        // False when the input missed its deadline; otherwise its outcome is counted or recorded.
        bool RunOne(long index, FuzzInput input)
        {
            if (!worker.TryRun(() => target(index, input), settings.Timeout, out var outcome, out var failure))
                return false;
            if (failure is not null)
                findings.Add(Record(directory, settings.Seed, new FuzzFinding(index, "exception", failure.ToString(), input)));
            else if (outcome!.InternalErrors.Count > 0)
                findings.Add(Record(directory, settings.Seed, new FuzzFinding(index, "CWF9001", string.Join("\n", outcome.InternalErrors), input)));
            else
            {
                compiled += outcome.Compilations > 0 ? 1 : 0;
                compilations += outcome.Compilations;
                diagnostics += outcome.Diagnostics;
            }
            return true;
        }

        for (long i = settings.Start; i < settings.Start + settings.Inputs && findings.Count < FuzzSettings.MaxFindings; i++)
        {
            var input = FuzzInputs.Make(settings.Seed, i);
            Write(Path.Combine(directory, "current" + input.Extension), input.Text);
            if (!RunOne(i, input))
                missed.Add((i, input));
            if (++done % 1_000 == 0)
                File.AppendAllText(progress, $"{DateTime.UtcNow:u} {done} inputs, {watch.Elapsed.TotalSeconds:F0} s, {findings.Count} findings\n");
        }
        var slowOnlyUnderLoad = new List<long>();
        foreach (var (index, input) in missed)
        {
            Write(Path.Combine(directory, "current" + input.Extension), input.Text);
            if (RunOne(index, input))
                slowOnlyUnderLoad.Add(index);
            else
                findings.Add(Record(directory, settings.Seed, new FuzzFinding(index, "timeout",
                    $"no result after {settings.Timeout.TotalSeconds:F0} s, twice", input)));
        }
        var report = new FuzzReport(settings, done, watch.Elapsed, compiled, compilations, diagnostics, findings, slowOnlyUnderLoad, directory);
        File.WriteAllText(Path.Combine(directory, "summary.txt"), report.Summary + "\n");
        return report;
    }

    private static FuzzFinding Record(string directory, long seed, FuzzFinding finding)
    {
        var input = finding.Input;
        Write(Path.Combine(directory, finding.Index + input.Extension), input.Text);
        if (input.Catalog is { } catalog) Write(Path.Combine(directory, finding.Index + ".catalog.json"), catalog);
        var sb = new StringBuilder()
            .AppendLine($"{finding.Kind} on input {finding.Index} of seed {seed}:")
            .AppendLine(finding.Detail)
            .AppendLine()
            .AppendLine("made by: " + string.Join(" -> ", input.Steps))
            .AppendLine($"again: CWF_FUZZ_SEED={seed} CWF_FUZZ_START={finding.Index} CWF_FUZZ_INPUTS=1 dotnet test tests/Cwf.Tests --filter FullyQualifiedName~FuzzTests")
            .AppendLine("input (non-ASCII as \\uXXXX):")
            .AppendLine(Escape(input.Text.Length > 20_000 ? input.Text[..20_000] + "..." : input.Text));
        File.WriteAllText(Path.Combine(directory, finding.Index + ".txt"), sb.ToString());
        return finding;
    }

    // Inputs may hold lone surrogates: written as U+FFFD (the .txt keeps every code unit escaped).
    private static void Write(string path, string text) => File.WriteAllText(path, text, new UTF8Encoding(false, false));

    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text) sb.Append(c is '\n' or '\t' || (c >= 0x20 && c < 0x7F) ? c.ToString() : $"\\u{(int)c:X4}");
        return sb.ToString();
    }
}
