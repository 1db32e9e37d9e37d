using System.Collections.Immutable;
using System.Diagnostics;
using Cwf.Analysis;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Optimization.Passes;

namespace Cwf.Optimization;

/// <summary>
/// Runs optimizer passes in rounds until a round changes nothing (a fixed point) or the
/// iteration bound is reached, recording for `cwf explain` what every pass did and how long it
/// took. Dead steps are removed at the end even when optimization is off, as the dead-step
/// warnings promise.
/// </summary>
public sealed class PassManager
{
    public PassManager(IEnumerable<OptimizerPass> passes) => Passes = [.. passes];

    /// <summary>The passes in the order one round runs them.</summary>
    public ImmutableArray<OptimizerPass> Passes { get; }

    /// <summary>The standard pipeline. Cleanups first, so that later passes see simple IR; pruning and merging of projections last, after the rewrites that free columns.</summary>
    public static PassManager Default { get; } = new(
    [
        new DeadStepElimination(),
        new ConstantFolding(),
        new CommonSubgraphMerging(),
        new FilterMerging(),
        new PredicatePushdown(),
        new SpatialDistanceToDWithin(),
        new SpatialBufferToDWithin(),
        new DistinctJoinToSemiJoin(),
        new LimitPushdown(),
        new ProjectionPruning(),
        new ProjectMerging(),
    ]);

    public static ImmutableArray<string> PassNames => [.. Default.Passes.Select(p => p.Name)];

    /// <summary>Optimizes with the default pipeline.</summary>
    public static OptimizationResult Optimize(Workflow workflow, OptimizerOptions options) => Default.Run(workflow, options);

    /// <summary>Errors for pass names in `--disable-pass` that no pass has, with the closest name as a hint.</summary>
    public ImmutableArray<Diagnostic> ValidateOptions(OptimizerOptions options)
    {
        var known = Passes.Select(p => p.Name).ToList();
        var list = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var name in options.DisabledPasses)
        {
            if (known.Contains(name, StringComparer.OrdinalIgnoreCase)) continue;
            list.Add(Diagnostic.Create(DiagnosticCodes.UnknownPass, Location.None,
                $"there is no optimizer pass named '{name}'",
                NameSuggestions.DidYouMean(name, known),
                "valid passes: " + string.Join(", ", known)));
        }
        return list.ToImmutable();
    }

    public OptimizationResult Run(Workflow workflow, OptimizerOptions options)
    {
        var total = Stopwatch.StartNew();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        diagnostics.AddRange(ValidateOptions(options));
        var runs = ImmutableArray.CreateBuilder<PassRun>();
        var current = workflow;
        int iterations = 0;
        bool fixedPoint = true;

        if (options.Enabled)
        {
            var active = Passes.Where(p => !options.DisabledPasses.Contains(p.Name)).ToList();
            fixedPoint = false;
            while (iterations < options.MaxIterations)
            {
                iterations++;
                bool changedAny = false;
                foreach (var pass in active)
                {
                    var (next, run) = RunPass(pass, current, iterations, options, diagnostics);
                    runs.Add(run);
                    changedAny |= run.Changed;
                    current = next;
                }
                if (!changedAny)
                {
                    fixedPoint = true;
                    break;
                }
            }
            if (!fixedPoint)
                diagnostics.Add(Diagnostic.Create(DiagnosticCodes.FixedPointNotReached, Location.None,
                    $"The optimizer stopped after {iterations} rounds while passes were still changing the workflow; the result is correct but may be less optimized.",
                    "raise the iteration bound, or report the workflow: passes that undo each other are a compiler bug"));
        }

        current = WorkflowAnalyzer.RemoveDead(current);
        return new OptimizationResult(current, runs.ToImmutable(), iterations, fixedPoint, total.Elapsed, diagnostics.ToImmutable());
    }

    private static (Workflow Next, PassRun Run) RunPass(OptimizerPass pass, Workflow current, int iteration, OptimizerOptions options, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var watch = Stopwatch.StartNew();
        Workflow next;
        try
        {
            next = pass.Run(current, options.Target);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or KeyNotFoundException or IndexOutOfRangeException or NullReferenceException)
        {
            diagnostics.Add(Failed(pass, $"threw {ex.GetType().Name}: {ex.Message}"));
            return (current, new PassRun(pass.Name, iteration, watch.Elapsed, false));
        }
        var elapsed = watch.Elapsed;
        bool changed = !ReferenceEquals(next, current);
        if (changed && options.VerifyEachPass && IrValidator.Validate(next) is { Count: > 0 } problems)
        {
            diagnostics.Add(Failed(pass, "produced invalid IR: " + string.Join("; ", problems.Take(3))));
            return (current, new PassRun(pass.Name, iteration, elapsed, false));
        }
        return changed && options.RecordIr
            ? (next, new PassRun(pass.Name, iteration, elapsed, true, IrPrinter.Print(current, withSchemas: true), IrPrinter.Print(next, withSchemas: true)))
            : (next, new PassRun(pass.Name, iteration, elapsed, changed));
    }

    private static Diagnostic Failed(OptimizerPass pass, string what) =>
        Diagnostic.Create(DiagnosticCodes.PassFailed, Location.None,
            $"Optimizer pass '{pass.Name}' {what}. It was skipped; the output is still correct.",
            $"this is a compiler bug: please report it; `--disable-pass {pass.Name}` silences it");
}
