using System.Collections.Immutable;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Interpretation;

/// <summary>
/// Steps that call a CARTO Analytics Toolbox procedure (an external service such as isolines or geocoding, a grid
/// statistic), and user procedure calls, cannot run in process:
/// a run that holds one is refused before anything runs (before its data is read, in <c>cwf run --data</c>),
/// with one CWF7800 naming each.
/// </summary>
public static class ExternalServices
{
    /// <summary>One error per step of <paramref name="workflow"/> that calls an external service; empty when it can run in process.</summary>
    public static ImmutableArray<Diagnostic> Refusals(Workflow workflow)
    {
        var diagnostics = new DiagnosticBag();
        foreach (var step in workflow.Nodes.OfType<OpaqueNode>().Where(o => o.Statement is not null))
            diagnostics.Report(DiagnosticCodes.ExternalServiceNotRunnable, step.Origin ?? Location.None,
                $"step '{step.Name}' ({step.Component}) calls a warehouse procedure ({step.Statement!.Trim()}), which cannot run in process; nothing was run",
                "compile the workflow for a warehouse that has the procedure and run it there, or give its result as a table");
        foreach (var step in workflow.Nodes.OfType<OpaqueNode>().Where(o => o.Call is not null))
            diagnostics.Report(DiagnosticCodes.ExternalServiceNotRunnable, step.Origin ?? Location.None,
                $"step '{step.Name}' ({step.Component}) calls the CARTO Analytics Toolbox's procedure {step.Call!.Procedure}, which cannot run in process; nothing was run",
                "compile the workflow for a warehouse whose toolbox has the procedure and run it there, or give its result as a table");
        return diagnostics.ToImmutable();
    }
}
