using System.Collections.Immutable;
using Cwf.Analysis;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Driver;

/// <summary>
/// Checks of a whole workflow that every command needs before it uses the workflow, for both
/// front ends: the workflow writes a table (CWF4002: an empty script would pass a CI pipeline
/// unnoticed), and every parameter used as a row limit has a value of 0 or more (CWF2806). Run
/// after the front end, and again after <c>--param</c> overrides change parameter values.
/// </summary>
public static class WorkflowChecks
{
    public static ImmutableArray<Diagnostic> Check(Workflow workflow, string? path)
    {
        var problems = ImmutableArray.CreateBuilder<Diagnostic>();
        // The analysis decides what counts as an output; its finding is about the whole input file.
        foreach (var d in WorkflowAnalyzer.Diagnose(workflow).Where(d => d.Descriptor == DiagnosticCodes.NoOutput))
            problems.Add(d with { Location = new FileLocation(path) });
        var parameters = workflow.Parameters.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var limit in workflow.Nodes.OfType<LimitNode>())
        {
            if (limit.Count is not ParamRef { Name: var name } || parameters.GetValueOrDefault(name)?.Value is not long value || value >= 0) continue;
            problems.Add(Diagnostic.Create(DiagnosticCodes.InvalidLimit, limit.Origin ?? new FileLocation(path),
                $"the limit of step '{limit.Name}' is parameter '{name}', whose value {value} is negative; a limit must be a non-negative integer",
                $"give '{name}' a value of 0 or more"));
        }
        return problems.ToImmutable();
    }
}
