using Cwf.Diagnostics.Formatters;
using Cwf.Driver;
using Cwf.Emit;

namespace Cwf.Cli.Commands;

/// <summary><c>cwf check</c>: every diagnostic of a workflow (with the --param values given) on standard output; with --dialect, also what that warehouse cannot do in the script <c>cwf compile</c> emits by default (so a toolbox procedure step is not refused as a query would refuse it); then its data checks (text format).</summary>
internal static class CheckCommand
{
    public static int Run(CliContext cx)
    {
        var dialect = cx.Dialect(required: false);
        var (workflow, diagnostics) = WorkflowLoader.LoadWithParameters(cx);
        if (dialect is not null && workflow is not null)
            diagnostics = DiagnosticMerge.Merge(diagnostics, Compiler.Compile(workflow, new CompileOptions(dialect) { Mode = EmitMode.Script, Toolbox = cx.Toolbox(), Carto = cx.Carto() }).Diagnostics);
        cx.Report(diagnostics, toOutput: true);
        bool failed = workflow is null || diagnostics.Any(d => d.IsError);
        if (!failed && cx.Format == DiagnosticFormat.Text && diagnostics.Count == 0)
            cx.Output.WriteLine($"{cx.Command.Positionals[0]}: no problems found");
        if (workflow is not null && cx.Format == DiagnosticFormat.Text)
            foreach (var check in workflow.Checks) cx.Output.WriteLine($"check {check.Check}");
        return failed ? ExitCodes.InputErrors : ExitCodes.Success;
    }
}
