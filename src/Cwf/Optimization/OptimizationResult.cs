using System.Collections.Immutable;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Optimization;

/// <summary>The optimizer's output: the optimized workflow and what each pass did, for `cwf explain`.</summary>
// The bound workflow is not kept: at 100,000 steps it was 44% of what a compile held to its end, and nothing read it.
public sealed record OptimizationResult(
    Workflow Optimized,
    ImmutableArray<PassRun> Runs,
    int Iterations,
    bool ReachedFixedPoint,
    TimeSpan Elapsed,
    ImmutableArray<Diagnostic> Diagnostics)
{
    public IEnumerable<PassRun> Changes => Runs.Where(r => r.Changed);
}
