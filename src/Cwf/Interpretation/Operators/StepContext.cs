using Cwf.Interpretation.Evaluation;
using Cwf.Ir;

namespace Cwf.Interpretation.Operators;

/// <summary>What every step needs besides its inputs: the parameter values of the run, and how many cores its rows may use.</summary>
internal sealed class StepContext(IReadOnlyDictionary<string, object?> parameters, int parallelism = 1)
{
    public IReadOnlyDictionary<string, object?> Parameters { get; } = parameters;

    /// <summary>The most cores a step spreads its rows over (<see cref="RowChunks"/>).</summary>
    public int Parallelism { get; } = Math.Max(1, parallelism);

    public Evaluator Compile(Expr expr, Schema left, Schema? right = null, Func<Expr, Evaluator, Evaluator?>? replacement = null) =>
        new ExprCompiler(left, right, Parameters, replacement).Compile(expr);

    /// <summary>Evaluates an expression that reads no row (a LIMIT count, a constant distance).</summary>
    public object? EvaluateConstant(Expr expr) => Compile(expr, Schema.Empty)([], null);
}
