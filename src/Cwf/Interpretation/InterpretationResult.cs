using System.Collections.Immutable;
using Cwf.Diagnostics;

namespace Cwf.Interpretation;

/// <summary>
/// What a run produced: the tables its sinks wrote (after replace/append against the input
/// tables), the diagnostics (run-time errors at the failing step's origin), and, when asked
/// for, every step's result by node id.
/// </summary>
public sealed record InterpretationResult(Database Outputs, ImmutableArray<Diagnostic> Diagnostics, ImmutableDictionary<int, Table> NodeResults)
{
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);

    /// <summary>The data checks that ran, in the order they were written (a check whose input failed is missing).</summary>
    public ImmutableArray<CheckOutcome> Checks { get; init; } = [];
}
