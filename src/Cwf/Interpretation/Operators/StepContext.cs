using Cwf.Interpretation.Evaluation;
using Cwf.Ir;

namespace Cwf.Interpretation.Operators;

/// <summary>What every step needs besides its inputs: the parameter values of the run.</summary>
internal sealed class StepContext(IReadOnlyDictionary<string, object?> parameters)
{
    public IReadOnlyDictionary<string, object?> Parameters { get; } = parameters;

    public Evaluator Compile(Expr expr, Schema left, Schema? right = null) => new ExprCompiler(left, right, Parameters).Compile(expr);

    /// <summary>Evaluates an expression that reads no row (a LIMIT count, a constant distance).</summary>
    public object? EvaluateConstant(Expr expr) => Compile(expr, Schema.Empty)([], null);
}
