using Cwf.Emit;
using Cwf.Ir;
using Cwf.Optimization;
using Cwf.Planning;

namespace Cwf.Benchmarks.SpatialSql;

/// <summary>
/// One workflow the four ways the benchmark compares: (a) one temporary table per step, as canvas
/// products run workflows; (b) cwf without the optimizer and planner (every step a CTE, as
/// `--no-opt`); (c) cwf optimized and planned for PostGIS; (d) the SQL an expert writes by hand
/// (SpatialSql/handtuned/&lt;workflow&gt;.sql).
/// </summary>
public sealed record CompiledWays(string OneTablePerStep, string NoOpt, string Optimized, string HandTuned, string Explain)
{
    /// <summary>The ways with their names and the file suffixes their scripts are written under.</summary>
    public IEnumerable<(string Way, string Suffix, string Sql)> All =>
    [
        ("(a) one table per step", "a-one-table-per-step", OneTablePerStep),
        ("(b) cwf --no-opt", "b-no-opt", NoOpt),
        ("(c) cwf optimized", "c-optimized", Optimized),
        ("(d) hand-tuned", "d-hand-tuned", HandTuned),
    ];

    public static CompiledWays Compile(SpatialWorkflow spatial)
    {
        var workflow = spatial.Bind();
        var dialect = Dialects.Find("postgres")!;
        var target = dialect.OptimizerTarget;
        var noOpt = PassManager.Optimize(workflow, new OptimizerOptions { Enabled = false, Target = target });
        var optimized = PassManager.Optimize(workflow, new OptimizerOptions { Target = target, RecordIr = true });
        var plan = Planner.Plan(optimized.Optimized, target);
        return new CompiledWays(
            CanvasStyleScript.Write(workflow, dialect),
            Emit(noOpt.Optimized, dialect, MaterializationPlan.AllCte),
            Emit(optimized.Optimized, dialect, plan),
            spatial.HandTuned(),
            Explainer.Explain(optimized, plan, target, timings: false));
    }

    private static string Emit(Workflow workflow, Dialect dialect, MaterializationPlan plan)
    {
        var result = SqlEmitter.Emit(workflow, dialect, new EmitOptions { Plan = plan });
        return result.Sql ?? throw new InvalidOperationException($"{workflow.Name} does not emit:\n{string.Join("\n", result.Diagnostics)}");
    }
}
