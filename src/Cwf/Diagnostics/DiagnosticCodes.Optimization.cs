namespace Cwf.Diagnostics;

// CWF5xxx: optimizer passes and the materialization planner.
public static partial class DiagnosticCodes
{
    public static DiagnosticDescriptor UnknownPass { get; } = Error("CWF5001", "Unknown optimizer pass name", DiagnosticCategory.Optimization);
    public static DiagnosticDescriptor PassFailed { get; } = Warning("CWF5002", "Optimizer pass failed and was skipped", DiagnosticCategory.Optimization);
    public static DiagnosticDescriptor FixedPointNotReached { get; } = Info("CWF5003", "Optimizer stopped at its iteration bound", DiagnosticCategory.Optimization);
}
