using System.Collections.Immutable;

namespace Cwf.Optimization;

/// <summary>How to optimize: `--no-opt` sets <see cref="Enabled"/> false, `--disable-pass NAME` adds to <see cref="DisabledPasses"/>.</summary>
public sealed record OptimizerOptions
{
    public static OptimizerOptions Default { get; } = new();

    /// <summary>False: no pass runs (dead steps are still removed, as their warnings promise).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Names of passes not to run (compared ignoring case); see <see cref="PassManager.PassNames"/>.</summary>
    public ImmutableSortedSet<string> DisabledPasses { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many rounds of all passes at most; a round that changes nothing ends earlier.</summary>
    public int MaxIterations { get; init; } = 10;

    public OptimizerTarget Target { get; init; } = OptimizerTarget.Conservative;

    /// <summary>Keep the IR text before and after each pass that changed something, for `cwf explain`.</summary>
    public bool RecordIr { get; init; }

    /// <summary>Run <see cref="Ir.IrValidator"/> after each pass and undo a pass that breaks the IR (tests turn this on).</summary>
    public bool VerifyEachPass { get; init; }

    public OptimizerOptions WithDisabledPasses(params string[] names) => this with { DisabledPasses = DisabledPasses.Union(names) };
}
