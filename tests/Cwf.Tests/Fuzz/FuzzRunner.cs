using System.Diagnostics;
using System.Text;

namespace Cwf.Tests.Fuzz;

/// <summary>A failure the run found: an exception, a CWF9001, or an input that missed its deadline.</summary>
internal sealed record FuzzFinding(long Index, string Kind, string Detail, FuzzInput Input);

/// <summary>The figures of a run.</summary>
internal sealed record FuzzReport(FuzzSettings Settings, long Inputs, TimeSpan Elapsed, long Compiled, long Compilations, long Diagnostics,
    IReadOnlyList<FuzzFinding> Findings, string Directory)
{
    public string Summary =>
        $"fuzz seed {Settings.Seed}, inputs {Settings.Start}..{Settings.Start + Inputs - 1}: {Inputs} inputs in {Elapsed.TotalSeconds:F0} s " +
        $"({Inputs / Math.Max(Elapsed.TotalSeconds, 0.001):F1}/s), {Compiled} reached the compiler ({Compilations} compilations), " +
        $"{Diagnostics} diagnostics; {Findings.Count(f => f.Kind != "timeout")} internal errors, {Findings.Count(f => f.Kind == "timeout")} timeouts" +
        (Findings.Count == 0 ? "" : $"; written to {Directory}");
}

/// <summary>
/// Runs inputs one after another on a <see cref="DeadlineWorker"/>, records every finding in the
/// output directory (<c>seed-N/index.ext</c> with the input, <c>index.txt</c> with what happened and
/// how the input was made) and keeps <c>progress.log</c> and <c>summary.txt</c> there for long runs.
/// The input being run is also kept as <c>current.*</c>, so that one that kills the process is not lost.
/// </summary>
internal static class FuzzRunner
{
    public static FuzzReport Run(FuzzSettings settings)
    {
        var directory = Path.Combine(settings.OutputDirectory, $"seed-{settings.Seed}");
        Directory.CreateDirectory(directory);
        var progress = Path.Combine(directory, "progress.log");
        var worker = new DeadlineWorker();
        var findings = new List<FuzzFinding>();
        var watch = Stopwatch.StartNew();
        long compiled = 0, compilations = 0, diagnostics = 0, done = 0;
        for (long i = settings.Start; i < settings.Start + settings.Inputs && findings.Count < FuzzSettings.MaxFindings; i++)
        {
            var input = FuzzInputs.Make(settings.Seed, i);
            Write(Path.Combine(directory, "current" + input.Extension), input.Text);
            if (!worker.TryRun(() => FuzzTarget.Run(input), settings.Timeout, out var outcome, out var failure))
                findings.Add(Record(directory, settings.Seed, new FuzzFinding(i, "timeout", $"no result after {settings.Timeout.TotalSeconds:F0} s", input)));
            else if (failure is not null)
                findings.Add(Record(directory, settings.Seed, new FuzzFinding(i, "exception", failure.ToString(), input)));
            else if (outcome!.InternalErrors.Count > 0)
                findings.Add(Record(directory, settings.Seed, new FuzzFinding(i, "CWF9001", string.Join("\n", outcome.InternalErrors), input)));
            else
            {
                compiled += outcome.Compilations > 0 ? 1 : 0;
                compilations += outcome.Compilations;
                diagnostics += outcome.Diagnostics;
            }
            if (++done % 1_000 == 0)
                File.AppendAllText(progress, $"{DateTime.UtcNow:u} {done} inputs, {watch.Elapsed.TotalSeconds:F0} s, {findings.Count} findings\n");
        }
        var report = new FuzzReport(settings, done, watch.Elapsed, compiled, compilations, diagnostics, findings, directory);
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
