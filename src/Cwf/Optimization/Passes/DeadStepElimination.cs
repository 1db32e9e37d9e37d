using Cwf.Analysis;
using Cwf.Ir;

namespace Cwf.Optimization.Passes;

/// <summary>
/// Removes nodes whose results reach no output (see <see cref="WorkflowAnalyzer"/>: sinks and
/// unknown components nothing reads are outputs). Other rewrites leave such nodes behind, so it
/// runs every round.
/// </summary>
public sealed class DeadStepElimination : OptimizerPass
{
    public override string Name => "dead-step-elimination";
    public override string Description => "remove steps whose results reach no output table";
    public override Workflow Run(Workflow workflow, OptimizerTarget target) => WorkflowAnalyzer.RemoveDead(workflow);
}
