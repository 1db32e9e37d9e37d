using Cwf.Diagnostics;
using Cwf.Driver;
using Cwf.Ir;

namespace Cwf.Cli.Commands;

/// <summary>The first half of every command that needs a workflow: catalog, input file, front end, --param values.</summary>
internal static class WorkflowLoader
{
    /// <summary>The front end's result and all diagnostics so far (the catalog's first).</summary>
    public static (FrontEndResult Result, List<Diagnostic> Diagnostics) Load(CliContext cx)
    {
        var (catalog, catalogDiagnostics) = cx.LoadCatalog();
        // No command here reads the syntax tree: the program is parsed and bound statement by statement.
        var result = FrontEnd.Load(cx.ReadInput(), catalog, keepSyntax: false);
        return (result, [.. catalogDiagnostics, .. result.Diagnostics]);
    }

    /// <summary>
    /// The workflow with the --param values applied and checked again (a value can make a row limit
    /// negative), the clock fixed by --now, and all diagnostics so far; the workflow is null when there is an error.
    /// </summary>
    public static (Workflow? Workflow, List<Diagnostic> Diagnostics) LoadWithParameters(CliContext cx)
    {
        var (front, diagnostics) = Load(cx);
        if (front.Workflow is null || diagnostics.Any(d => d.IsError)) return (null, diagnostics);
        var fixedClock = RunTime.Option(cx) is { } now ? RunClock.Fixed(front.Workflow, now) : front.Workflow;
        var assignments = cx.Command.Values("param");
        if (assignments.Count == 0) return (fixedClock, diagnostics);
        var workflow = ParameterOverrides.Apply(fixedClock, assignments, cx.Command.Spec, front.ParameterDimensions);
        var problems = WorkflowChecks.Check(workflow, cx.Command.Positionals[0]);
        diagnostics.AddRange(problems);
        return (problems.Any(d => d.IsError) ? null : workflow, diagnostics);
    }
}
