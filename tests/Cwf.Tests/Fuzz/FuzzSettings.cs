namespace Cwf.Tests.Fuzz;

/// <summary>
/// One fuzz run: which inputs (seed, first index, count), how long one input may take, and where
/// findings are written. The test command's run is fixed; the environment sets a longer one
/// (spec/fuzzing.md): CWF_FUZZ_INPUTS, CWF_FUZZ_SEED, CWF_FUZZ_START, CWF_FUZZ_TIMEOUT (seconds), CWF_FUZZ_OUT.
/// </summary>
internal sealed record FuzzSettings(long Seed, long Start, long Inputs, TimeSpan Timeout, string OutputDirectory)
{
    public const long DefaultSeed = 20261206;
    public const long DefaultInputs = 1_000;

    /// <summary>Findings after which the run stops (each is written out; more rarely add anything).</summary>
    public const int MaxFindings = 25;

    public static FuzzSettings FromEnvironment() => new(
        Number("CWF_FUZZ_SEED") ?? DefaultSeed,
        Number("CWF_FUZZ_START") ?? 0,
        Number("CWF_FUZZ_INPUTS") ?? DefaultInputs,
        TimeSpan.FromSeconds(Number("CWF_FUZZ_TIMEOUT") ?? 30),
        Environment.GetEnvironmentVariable("CWF_FUZZ_OUT") is { Length: > 0 } dir ? dir : Path.Combine(FuzzCorpus.Root, "artifacts", "fuzz"));

    private static long? Number(string name) =>
        long.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : null;
}
