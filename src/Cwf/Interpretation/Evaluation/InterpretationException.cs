using Cwf.Diagnostics;

namespace Cwf.Interpretation.Evaluation;

/// <summary>
/// A run-time error inside one step (division by zero, a failed cast...). Thrown by the
/// evaluator and caught by the interpreter at the step, which reports it as a diagnostic at the
/// step's origin; it never leaves <see cref="Interpreter.Run"/>.
/// </summary>
internal sealed class InterpretationException(DiagnosticDescriptor descriptor, string message, string? hint = null) : Exception(message)
{
    public DiagnosticDescriptor Descriptor { get; } = descriptor;
    public string? Hint { get; } = hint;
}
