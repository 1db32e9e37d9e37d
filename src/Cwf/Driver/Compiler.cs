using System.Collections.Immutable;
using Cwf.Analysis;
using Cwf.Diagnostics;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Optimization;
using Cwf.Planning;

namespace Cwf.Driver;

/// <summary>
/// The middle and back of the pipeline for one bound workflow: analyses (dead steps, shared
/// results) → optimizer passes → materialization planner → backend. Each stage is a pure
/// function; this class only threads their results and collects their diagnostics.
/// </summary>
public static class Compiler
{
    public static CompilationResult Compile(Workflow workflow, CompileOptions options)
    {
        var target = options.Dialect.OptimizerTarget;
        if (options.Now is { } now) workflow = RunClock.Fixed(workflow, now);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        diagnostics.AddRange(WorkflowAnalyzer.Diagnose(workflow));

        var optimizerOptions = new OptimizerOptions
        {
            Enabled = options.Optimize,
            Target = target,
            RecordIr = options.RecordIr,
        }.WithDisabledPasses([.. options.DisabledPasses]);
        var optimization = PassManager.Optimize(workflow, optimizerOptions);
        diagnostics.AddRange(optimization.Diagnostics);
        if (diagnostics.Any(d => d.IsError))
            return new CompilationResult(null, diagnostics.ToImmutable(), optimization, null, target);

        var plan = Planner.Plan(optimization.Optimized, target, singleQuery: options.Mode == EmitMode.Query);
        var emitted = SqlEmitter.Emit(optimization.Optimized, options.Dialect, new EmitOptions { Mode = options.Mode, Plan = plan, ReplaceStrategy = options.ReplaceStrategy, Toolbox = options.Toolbox, Carto = options.Carto });
        diagnostics.AddRange(emitted.Diagnostics);
        return new CompilationResult(emitted.Sql, diagnostics.ToImmutable(), optimization, plan, target);
    }

    /// <summary>Checks --disable-pass names before compiling (an unknown name is a usage error with a suggestion).</summary>
    public static ImmutableArray<Diagnostic> ValidatePassNames(IEnumerable<string> names) =>
        PassManager.Default.ValidateOptions(OptimizerOptions.Default.WithDisabledPasses([.. names]));
}
