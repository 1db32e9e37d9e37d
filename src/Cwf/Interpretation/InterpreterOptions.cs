using System.Collections.Immutable;

namespace Cwf.Interpretation;

/// <summary>How to run a workflow.</summary>
public sealed record InterpreterOptions
{
    public static InterpreterOptions Default { get; } = new();

    /// <summary>
    /// Values for workflow parameters by name (ignoring case), overriding their defaults: CLR
    /// values of the parameter's type, or strings, which are cast to it (for command lines).
    /// </summary>
    public ImmutableDictionary<string, object?> Parameters { get; init; } = ImmutableDictionary<string, object?>.Empty;

    /// <summary>Keep every step's result in <see cref="InterpretationResult.NodeResults"/> (tests, debugging); otherwise results are freed when no longer needed.</summary>
    public bool KeepNodeResults { get; init; }

    /// <summary>
    /// How many cores a step may use for its rows (scans, filters, projections, the probe side of
    /// joins); 1 runs every step in one loop. The rows, their order and any error are the same for
    /// every value (spec/interpreter.md, "Parallel steps").
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// The time of the run (UTC) that <c>current_date</c> and <c>current_timestamp</c> read; null: the
    /// machine's clock when the run starts. Read once, so every step sees the same instant.
    /// </summary>
    public DateTime? Now { get; init; }
}
