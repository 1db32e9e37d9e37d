using Cwf.Ir;

namespace Cwf.Optimization.Passes;

/// <summary>
/// Folds constants and simplifies boolean logic in every expression (see <see cref="ExprSimplifier"/>),
/// replaces non-public parameters by their values (their value is fixed at compile time; public
/// ones become procedure arguments and stay), and simplifies filters whose outcome is known:
/// match(true) and unmatch(false / NULL) keep every row and disappear; unmatch(p) for a p that
/// is never NULL is match(NOT p).
/// </summary>
public sealed class ConstantFolding : OptimizerPass
{
    public override string Name => "constant-folding";
    public override string Description => "fold constants, fixed parameters and boolean logic (three-valued)";

    public override Workflow Run(Workflow workflow, OptimizerTarget target)
    {
        var constants = workflow.Parameters.Where(p => !p.IsPublic)
            .ToDictionary(p => p.Name, p => p.ValueLiteral, StringComparer.OrdinalIgnoreCase);
        Literal? Constant(ParamRef p) => constants.GetValueOrDefault(p.Name);
        var simplify = ExprSimplifier.Simplifier(Constant);

        var rw = new WorkflowRewriter(workflow);
        foreach (var original in workflow.Nodes)
        {
            var node = rw[original.Id];
            var simplified = node.MapExpressions(simplify);
            if (simplified is FilterNode f)
            {
                if (f.Predicate is Literal { Value: true } && f.Branch == FilterBranch.Match ||
                    f.Predicate is Literal { Value: false or null } && f.Branch == FilterBranch.Unmatch)
                {
                    rw.Redirect(f.Id, f.Input);
                    continue;
                }
                if (f.Branch == FilterBranch.Unmatch && !f.Predicate.Nullable)
                    simplified = f with { Branch = FilterBranch.Match, Predicate = simplify(ExprFactory.Not(f.Predicate)) };
            }
            if (!ReferenceEquals(simplified, node)) rw.Replace(simplified);
        }
        return rw.ToWorkflow();
    }
}
