using System.Collections.Immutable;
using Cwf.Diagnostics;
using Cwf.Optimization;
using Cwf.Planning;

namespace Cwf.Driver;

/// <summary>The SQL (null when an error stopped compilation), every diagnostic, and what the middle stages did.</summary>
public sealed record CompilationResult(
    string? Sql,
    ImmutableArray<Diagnostic> Diagnostics,
    OptimizationResult? Optimization,
    MaterializationPlan? Plan,
    OptimizerTarget Target)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
