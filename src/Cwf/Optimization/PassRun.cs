namespace Cwf.Optimization;

/// <summary>
/// One run of one pass: whether it changed the IR and how long it took; with
/// <see cref="OptimizerOptions.RecordIr"/>, the IR text (with schemas) before and after a change.
/// </summary>
public sealed record PassRun(string Pass, int Iteration, TimeSpan Elapsed, bool Changed, string? Before = null, string? After = null);
