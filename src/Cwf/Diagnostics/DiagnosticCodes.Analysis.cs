namespace Cwf.Diagnostics;

// CWF4xxx: graph analyses over the IR.
public static partial class DiagnosticCodes
{
    public static DiagnosticDescriptor UnusedStep { get; } = Warning("CWF4001", "Step's result reaches no output table", DiagnosticCategory.Analysis);
    public static DiagnosticDescriptor NoOutput { get; } = Error("CWF4002", "Workflow writes no table", DiagnosticCategory.Analysis);
}
