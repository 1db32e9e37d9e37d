using System.Collections.Immutable;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Optimization;

/// <summary>The optimizer's output: the optimized workflow and what each pass did, for `cwf explain`.</summary>
public sealed record OptimizationResult(
    Workflow Original,
    Workflow Optimized,
    ImmutableArray<PassRun> Runs,
    int Iterations,
    bool ReachedFixedPoint,
    TimeSpan Elapsed,
    ImmutableArray<Diagnostic> Diagnostics)
{
    public IEnumerable<PassRun> Changes => Runs.Where(r => r.Changed);
}
